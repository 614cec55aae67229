// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* One read(0, buf, 16) that blocks until stdin has data; exits with the byte count. */
#include "test.h"

int main(void)
{
	char buf[16];

	return (int)syscall(SYS_read, 0, buf, sizeof(buf));
}
