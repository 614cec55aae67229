// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * libFuzzer target: any bytes, read as a --record file (consume/consumer.h), through the
 * consumer, the decoder and both sinks (text and JSON), as the live path runs them. The first
 * byte picks options (-s, -X raw, -f, -T, -ttt, -r) so that their paths are covered too.
 * Built by 'make fuzz' with ASan and UBSan; tests/fuzz/run.sh runs it for a bounded time
 * from the golden recordings (the .rec files under tests/golden).
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "consume/consumer.h"
#include "output/comm.h"

static int devnull = -1;

static void replay(const uint8_t *buf, size_t len, uint8_t pick, bool json)
{
	struct decode_opts dopts = {
		.strsize = (pick & 3) == 0 ? 32 : (pick & 3) == 1 ? 0 : (pick & 3) == 2 ? 4 : 4096,
		.raw = pick & 4,
	};
	struct consumer_opts copts = { .follow = pick & 8 };
	struct decoder dec;
	struct consumer cons;
	struct outbuf ob;
	struct sink sink = {
		.ops = json ? &json_sink_ops : &text_sink_ops,
		.ob = &ob,
		.show_dur = pick & 16,
		.show_ip = pick & 16,	/* -i: the ip of records that carry one */
		.tstamps = (pick >> 5) & 3,
		.relative = pick & 128,
		.prefix = pick & 8 ? PREFIX_PLAIN : PREFIX_NONE,
	};
	struct run_totals tot = { .have_status = true };

	comm__no_proc();	/* the input's tids are made up */
	if (decoder__init(&dec, &dopts))
		abort();
	if (outbuf__init(&ob, devnull, 1 << 16))
		abort();
	sink__clock_init(&sink);
	if (consumer__init(&cons, &dec, &sink, &copts))
		abort();
	consumer__replay(&cons, buf, len);
	consumer__flush_exits(&cons);
	tot.records = cons.records;
	tot.calls = cons.calls;
	sink.ops->finish(&sink, &tot);
	outbuf__flush(&ob);
	consumer__free(&cons);
	outbuf__free(&ob);
	decoder__free(&dec);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t *buf;

	if (devnull < 0)
		devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (size < 1)
		return 0;
	/* records are 8-byte aligned in a recording, and the consumer reads them in place */
	buf = malloc(size - 1 + 8);
	if (!buf)
		return 0;
	memcpy(buf, data + 1, size - 1);
	replay((const uint8_t *)buf, size - 1, data[0], false);
	replay((const uint8_t *)buf, size - 1, data[0], true);
	free(buf);
	return 0;
}
