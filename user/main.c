// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * sysobs: trace the syscalls of a command (or running processes, or the machine) with eBPF.
 * main() is the list of steps; each step is a function of run.c, and each stage a folder of
 * user/ (docs/architecture.md): setup/ (launch, load and attach), consume/ (the ring), decode/
 * (records to decoded calls), output/ (text, JSON, summary).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "lib/fmt.h"
#include "lib/warn.h"
#include "opts.h"
#include "run.h"
#include "setup/teardown.h"

int main(int argc, char **argv)
{
	static struct run r;	/* large (the capture specs): not on the stack */
	char path[4096], q[256];
	struct opts o;
	int status = EXIT_SETUP, err;
	bool die;

	opts__parse(&o, argc, argv);
	err = o.cmd ? launch__resolve(o.cmd[0], path, sizeof(path)) : 0;
	if (err) {
		warn("cannot execute '%s': %s", quote_msg(q, sizeof(q), o.cmd[0]), strerror(err));
		return err == ENOENT ? EXIT_NOTFOUND : EXIT_NOEXEC;
	}
	if (run__signals()) {
		warn("cannot install signal handlers: %s", strerror(errno));
		return EXIT_SETUP;
	}
	status = run__open(&r, &o, o.cmd ? path : NULL);
	if (status)
		goto cleanup;
	if (o.cmd) {
		if (run__command(&r, &status))
			goto cleanup;
	} else {
		status = EXIT_SETUP;
		if (run__attached(&r))
			goto cleanup;
		status = 0;
	}
	status = run__report(&r, status);
	tips__print(stderr, &o.tips);
cleanup:
	/* killed by a signal, and no other status (--strict) to give: end as it did */
	die = r.killed_by && status == 128 + r.killed_by;
	/* the kernel's teardown (detach, the ring) is not waited for (setup/teardown.h) */
	r.leave_bpf = !die && teardown__can_leave();
	run__close(&r);
	if (die)
		run__die_like(r.killed_by);
	if (r.leave_bpf)
		teardown__background();
	return status;
}
