/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * JSON values for the JSON sink (json.c): strings from raw bytes (v1's Latin-1 reading, v2's
 * UTF-8 kept), and strace's notation ({st_mode=S_IFREG|0644, st_size=3}, [1, 2]) turned into
 * JSON objects and arrays. docs/json.md describes both.
 */
#ifndef SYSOBS_JSONVAL_H
#define SYSOBS_JSONVAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lib/outbuf.h"

/* v1: bytes >= 0x80 as \u00XX (their Latin-1 reading). */
void json_str_latin1(struct outbuf *ob, const char *p, size_t n);

/* v2: valid UTF-8 kept as it is; each byte that is not part of valid UTF-8 as \udcXX (the
 * lone low surrogate U+DC00 + byte, Python's "surrogateescape": lossless). Returns false when
 * such a byte was written. */
bool json_str_utf8(struct outbuf *ob, const char *p, size_t n);

/* The bytes as lowercase hex, quoted: "00ff". */
void json_hex(struct outbuf *ob, const uint8_t *p, size_t n);

/* A number JavaScript and jq hold exactly (|v| <= 2^53)? */
bool json_exact(int64_t v, bool is_signed);

/* strace's text of a struct or array as JSON: objects for {k=v, ...}, arrays for [a, b],
 * decimal integers as numbers, anything else (flags, quoted strings, calls like
 * makedev(0x8, 0x1)) as the string of its text; "..." elements are left out. Returns false
 * (and writes nothing) when text is not one such value. */
bool json_notation(struct outbuf *ob, const char *text, size_t n);

#endif /* SYSOBS_JSONVAL_H */
