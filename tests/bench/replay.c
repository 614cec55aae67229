// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Consumer throughput: feed a burst recorded with `sysobs --record FILE` through the same
 * consumer, decoder and sink the live path uses, writing to OUT, and time it.
 *   replay RECORDED text|json|json1 OUT [ROUNDS]
 * Prints "records=N seconds=S records_per_s=R".
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include "consume/consumer.h"
#include "output/comm.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	struct decode_opts dopts = { .strsize = 32 };
	struct decoder dec;
	struct consumer cons;
	struct outbuf ob;
	struct sink sink = {};
	struct stat st;
	int fd, out, rounds = argc > 4 ? atoi(argv[4]) : 3, r;
	uint64_t records = 0;
	double t0, best = 1e9;
	void *buf;

	if (argc < 4) {
		fprintf(stderr, "usage: replay RECORDED text|json|json1 OUT [ROUNDS]\n");
		return 2;
	}
	fd = open(argv[1], O_RDONLY);
	if (fd < 0 || fstat(fd, &st)) {
		fprintf(stderr, "replay: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	buf = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
	if (buf == MAP_FAILED)
		return 1;
	/* json1: JSON schema v1 (--json=1) */
	sink.ops = strncmp(argv[2], "json", 4) ? &text_sink_ops : &json_sink_ops;
	sink.json_version = !strcmp(argv[2], "json1");
	comm__no_proc();	/* the recording's tids are not this machine's */
	for (r = 0; r < rounds; r++) {
		double dt;

		out = open(argv[3], O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (out < 0 || decoder__init(&dec, &dopts) || outbuf__init(&ob, out, 1 << 20))
			return 1;
		sink.ob = &ob;
		if (consumer__init(&cons, &dec, &sink, &(struct consumer_opts){ 0 }))
			return 1;
		t0 = now();
		if (consumer__replay(&cons, buf, st.st_size)) {
			fprintf(stderr, "replay: %s: not a sysobs --record file\n", argv[1]);
			return 1;
		}
		consumer__flush_exits(&cons);
		outbuf__flush(&ob);
		dt = now() - t0;
		if (dt < best)
			best = dt;
		records = cons.records;
		consumer__free(&cons);
		outbuf__free(&ob);
		decoder__free(&dec);
		close(out);
	}
	printf("records=%llu seconds=%.3f records_per_s=%.0f\n", (unsigned long long)records, best,
	       records / best);
	return 0;
}
