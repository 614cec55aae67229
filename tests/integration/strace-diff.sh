#!/bin/sh
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#
# Differential test against strace: a corpus of real single-process programs runs under both
# strace and sysobs with address randomisation off (setarch -R), stdin from /dev/null, stdout
# to a file, in fresh identical directories. Per program, line by line:
#  - the sequence of (syscall name, return value) must be identical;
#  - the whole line must be identical for the syscalls in LISTED (the most frequent of the
#    corpus: every syscall it makes, 58 of them),
#    after masking what differs from run to run: addresses (the stack moves with the
#    environment), pids (also in kill/wait4 arguments and si_pid), getrandom's bytes,
#    sysinfo's counters, TCP ports.
# tests/progs/netio.c adds the network calls: sockets, accept4, writev, readv, poll;
# futexops.c every futex operation; signals.c signal delivery lines and rt_sigreturn.
# Prints the agreement rates per program. Needs strace (the reference, 6.1 on Debian 12).
. "$SRCDIR/tests/lib.sh"
need_bpf
command -v strace >/dev/null 2>&1 || skip "strace not installed (the reference)"
command -v setarch >/dev/null 2>&1 || skip "setarch not installed (util-linux)"
[ -x /usr/bin/python3 ] || skip "/usr/bin/python3 not installed (one of the programs compared)"

LISTED="newfstatat openat mmap close rt_sigaction read getxattr statx lgetxattr mprotect
lseek brk ioctl getdents64 pread64 munmap readlink access getrandom write set_tid_address
set_robust_list rseq prlimit64 futex exit_group execve arch_prctl statfs socket fcntl connect
geteuid fadvise64 copy_file_range sysinfo getuid gettid getgid getegid getcwd dup2
bind getsockname listen accept4 writev readv poll socketpair kill tgkill rt_sigqueueinfo
rt_sigreturn rt_sigprocmask wait4 alarm pause"

# normalize FILE: one line per call, "name<TAB>ret<TAB>text", values that vary masked
normalize() {
	awk -v listed="$LISTED" '
	BEGIN { n = split(listed, l, /[ \n]+/); for (i = 1; i <= n; i++) L[l[i]] = 1 }
	{
		line = $0
		name = line; sub(/\(.*/, "", name)
		if (line ~ /^\+\+\+ /) { print "+++\t" line "\t" line; next }
		ret = line
		p = 0
		while ((q = index(substr(ret, p + 1), " = ")) > 0) p += q
		ret = p ? substr(line, p + 3) : "?"
		if (name ~ /^(set_tid_address|getpid|gettid|getppid|clone|fork|vfork|wait4)$/ &&
		    ret ~ /^[0-9]+$/)
			ret = "PID"
		text = line
		gsub(/si_pid=[0-9]+/, "si_pid=PID", text)
		if (name ~ /^(kill|tgkill|tkill|rt_sigqueueinfo|wait4)$/) {
			sub(/\([0-9]+, [0-9]+, /, "(PID, PID, ", text)
			sub(/\([0-9]+, /, "(PID, ", text)
			sub(/= [0-9]+$/, "= PID", text)
		}
		if (name ~ /^--- /)
			name = text
		gsub(/0x[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]+/, "0xADDR", text)
		gsub(/ +=/, " =", text)
		if (name == "set_tid_address" || name == "gettid" || name == "getpid")
			sub(/= [0-9]+$/, "= PID", text)
		if (name == "getrandom")
			gsub(/\\x[0-9a-f][0-9a-f]/, "\\xXX", text)
		if (name == "sysinfo")
			gsub(/=[0-9]+/, "=N", text)
		if (name == "sysinfo")
			gsub(/\[[0-9, ]+\]/, "[N]", text)
		gsub(/htons\([0-9]+\)/, "htons(PORT)", text)
		print name "\t" ret "\t" (name in L ? text : "-")
	}' "$1"
}

run=0
bad=0
corpus() {
	run=$((run + 1))
	label=$1
	shift
	for side in strace sysobs; do
		d=$T/$side-$run
		mkdir -p "$d"
		printf 'hello, world\n' >"$d/in.txt"
		if [ $side = strace ]; then
			(cd "$d" && setarch -R strace -o "$T/$side-$run.txt" "$@" </dev/null \
				>"$T/$side-$run.out" 2>"$T/$side-$run.err")
		else
			(cd "$d" && setarch -R "$SYSOBS" -o "$T/$side-$run.txt" -- "$@" </dev/null \
				>"$T/$side-$run.out" 2>"$T/$side-$run.err")
		fi
		normalize "$T/$side-$run.txt" >"$T/$side-$run.norm"
		# two empty traces agree and prove nothing
		[ -s "$T/$side-$run.norm" ] ||
			fail "$label: no calls under $side: $(tail -n 1 "$T/$side-$run.err")"
	done
	# side by side: calls, name/ret agreements, listed lines, text agreements
	res=$(awk -F'\t' '
		NR == FNR { sn[FNR] = $1; sr[FNR] = $2; st[FNR] = $3; ns = FNR; next }
		{
			n++
			if ($1 == sn[FNR] && $2 == sr[FNR]) nr++
			else if (!shown++) printf "first name/ret mismatch at %d:\n  strace: %s = %s\n  sysobs: %s = %s\n", FNR, sn[FNR], sr[FNR], $1, $2 > "/dev/stderr"
			if (st[FNR] != "-" || $3 != "-") {
				nl++
				if ($3 == st[FNR]) nt++
				else if (shownt++ < 5) printf "text mismatch at %d:\n  strace: %s\n  sysobs: %s\n", FNR, st[FNR], $3 > "/dev/stderr"
			}
		}
		END {
			if (ns > n) n = ns
			printf "%d %d %d %d\n", n, nr, nl, nt
		}' "$T/strace-$run.norm" "$T/sysobs-$run.norm")
	set -- $res
	printf '%-36s %4d calls, name/ret %5.1f%%, text %5.1f%% (%d/%d listed lines)\n' \
		"$label" "$1" "$(echo "$2 $1" | awk '{ print $2 ? 100 * $1 / $2 : 100 }')" \
		"$(echo "$4 $3" | awk '{ print $2 ? 100 * $1 / $2 : 100 }')" "$4" "$3"
	if [ "$1" != "$2" ] || [ "$3" != "$4" ]; then
		bad=$((bad + 1))
	fi
}

corpus "ls -l /usr" ls -l /usr
corpus "cat in.txt" cat in.txt
corpus "cp in.txt out.txt" cp in.txt out.txt
corpus "date -u -d @1700000000" date -u -d @1700000000
corpus "python3 -c print(1)" /usr/bin/python3 -c 'print(1)'
corpus "netio (tests/progs)" "$PROGS/netio"
corpus "futexops (tests/progs)" "$PROGS/futexops"
corpus "signals (tests/progs)" "$PROGS/signals" quiet

[ $bad -eq 0 ] || fail "$bad of $run programs disagree with strace"
echo "all $run programs agree with strace"
