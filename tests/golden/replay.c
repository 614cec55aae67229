// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The golden tests' replayer: feeds a file recorded with `sysobs --record FILE` once through
 * the consumer, decoder and sink the live path uses, and writes the trace to stdout.
 *   replay [-f] RECORDED text|json
 * -f: the recording was made with -f -o FILE: lines start with the pid, as there.
 * Nothing here reads a clock, /proc or the environment: the output depends on the records
 * alone. The sink is set up as main.c sets it up without -s, -t, -r, -T, -y, -X and --live.
 * The JSON summary says what replay knows: records and calls counted here, nothing lost in the
 * kernel (the count lives in the kernel, not in the records), no exit status.
 * Exit: 0, 1 when the file is not a recording, 2 on bad usage.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include "consume/consumer.h"
#include "output/comm.h"

#define OUTBUF_SIZE	(1 << 20)

static int usage(void)
{
	fprintf(stderr, "usage: replay [-f] RECORDED text|json\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct decode_opts dopts = { .strsize = 32 };
	struct run_totals tot = {};
	struct decoder dec = {};
	struct consumer cons = {};
	struct outbuf ob = {};
	struct sink sink = {};
	const struct so_hdr *first;
	bool follow = false;
	struct stat st;
	void *buf;
	int fd, err;

	if (argc > 1 && !strcmp(argv[1], "-f")) {
		follow = true;
		argc--;
		argv++;
	}
	if (argc != 3 || (strcmp(argv[2], "text") && strcmp(argv[2], "json")))
		return usage();

	fd = open(argv[1], O_RDONLY);
	if (fd < 0 || fstat(fd, &st)) {
		fprintf(stderr, "replay: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	if (st.st_size < 8 + (off_t)sizeof(*first)) {
		fprintf(stderr, "replay: %s: no records\n", argv[1]);
		return 1;
	}
	/* mmap: records are 8-byte aligned in the file, so they are in memory too */
	buf = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (buf == MAP_FAILED) {
		fprintf(stderr, "replay: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}

	sink.ops = strcmp(argv[2], "json") ? &text_sink_ops : &json_sink_ops;
	comm__no_proc();	/* the recording's tids are not this machine's */
	sink.ob = &ob;
	/* as run.c: -f into a file prefixes every line with the pid */
	sink.prefix = follow ? PREFIX_PLAIN : PREFIX_NONE;
	if (decoder__init(&dec, &dopts) || outbuf__init(&ob, STDOUT_FILENO, OUTBUF_SIZE) ||
	    consumer__init(&cons, &dec, &sink, &(struct consumer_opts){ .follow = follow })) {
		fprintf(stderr, "replay: out of memory\n");
		return 1;
	}
	/* run.c adds the command it launched before any record comes: its first record's */
	first = (const struct so_hdr *)((const char *)buf + 8);
	consumer__add_task(&cons, first->tid, first->tgid);

	err = consumer__replay(&cons, buf, st.st_size);
	if (err) {
		fprintf(stderr, "replay: %s: not a sysobs --record file (%s)\n", argv[1],
			strerror(-err));
		return 1;
	}
	consumer__flush_exits(&cons);
	tot.records = cons.records;
	tot.calls = cons.calls;
	sink.ops->finish(&sink, &tot);
	outbuf__flush(&ob);
	err = ob.failed ? ob.err : 0;
	consumer__free(&cons);
	outbuf__free(&ob);
	decoder__free(&dec);
	munmap(buf, st.st_size);
	if (err) {
		fprintf(stderr, "replay: writing the trace: %s\n", strerror(err));
		return 1;
	}
	return 0;
}
