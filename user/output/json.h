/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* Inside the JSON sink: json.c writes the objects, json2.c the arguments and return value of
 * a v2 syscall object (docs/json.md). */
#ifndef SYSOBS_JSON_H
#define SYSOBS_JSON_H

#include "lib/outbuf.h"
#include "decode/call.h"

/* After "args":[ : each argument as an object, "]", then ret, errno and ret_text. */
void json_call_v2(struct outbuf *ob, const struct call *c);

#endif /* SYSOBS_JSON_H */
