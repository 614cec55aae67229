/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * -e inject= and -e fault= (docs/inject.md): the launched command gets a seccomp filter that
 * sends only the calls named in an inject set to sysobs (SECCOMP_RET_USER_NOTIF; every other
 * call is allowed, and the kernel's filter cache lets those pass without running the filter);
 * a supervisor thread of sysobs counts each call per thread and syscall as strace does, and
 * answers with the injected error or value, or lets the call run, after any delay, with any
 * signal. The calls it answered are marked for the trace: "= -1 ENOSYS (...) (INJECTED)".
 */
#ifndef SYSOBS_INJECT_H
#define SYSOBS_INJECT_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <linux/types.h>
#include "sysobs.h"
#include "setup/filter.h"

#define INJECT_LAST_INF		0	/* when=N+: no last invocation */
#define INJECT_WHEN_MAX		65535	/* strace's range of first and step */
#define INJECT_MARK_ANSWERED	(1u << 0)	/* the same bits as decode/call.h's tamper_bits */
#define INJECT_MARK_DELAYED	(1u << 1)

/* What is done to one syscall's invocations (strace's struct inject_opts). */
struct inject_rule {
	bool on;
	uint16_t first;		/* the first invocation tampered with, 1-based */
	uint16_t last;		/* the last one (INJECT_LAST_INF: none) */
	uint16_t step;		/* 0: only first; else first, first+step, ... */
	bool answer;		/* error= or retval= given: the call does not run */
	int64_t ret;		/* what it returns then: -errno or the value */
	int sig;		/* signal=, 0: none */
	uint64_t delay_enter_ns;
	uint64_t delay_exit_ns;
};

struct inject_set {
	bool any;				/* some rule is on */
	struct inject_rule rule[SO_NR_SLOTS];	/* by syscall number, x86-64 */
};

/* Does invocation n (1-based, of one thread and syscall) fall under r's when=? */
bool inject__when(const struct inject_rule *r, uint64_t n);

/* In the launched child, just before its execve: install the filter (with no_new_privs when
 * it lacks CAP_SYS_ADMIN) and send its listener over sock. 0, or an errno. */
int inject__arm(const struct inject_set *s, int sock, uint64_t cookie);
/* In sysobs: the listener the child sent over sock, or -errno (-ECHILD: it sent none);
 * *killable: a call taken by the supervisor waits for its answer through non-fatal signals. */
int inject__receive(int sock, bool *killable);

struct inject_marks;
struct supervisor_opts {
	const struct inject_set *set;
	const struct filter *trace;	/* -e trace=: only calls shown are marked (NULL: none) */
	uint32_t only_tid;		/* without -f: only this thread is tampered with */
};

struct supervisor {
	pthread_t thread;
	bool running;
	int listener;
	int stop_fd;			/* an eventfd: end the thread */
	bool killable;			/* signal= can be sent before the answer */
	struct supervisor_opts o;
	struct inject_marks *marks;	/* the answered calls not seen in the trace yet */
	pthread_mutex_t lock;		/* of marks */
	uint64_t injected;		/* calls answered */
};

/* Start answering the listener's notifications (takes the fd). 0, or -errno. */
int supervisor__start(struct supervisor *sv, int listener, bool killable,
		      const struct supervisor_opts *o);
/* What the supervisor did to this call, returned with ret: INJECT_MARK_* bits, 0 for nothing
 * (each call it tampered with matches once). */
unsigned int supervisor__marked(void *sv, uint32_t tid, long nr, int64_t ret);
void supervisor__stop(struct supervisor *sv);

#endif /* SYSOBS_INJECT_H */
