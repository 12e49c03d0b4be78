/*
 * kernel_holds.h - an internal query for the CLI, which links the static
 * library: does the kernel hold packets of c that no read can return yet?
 */
#ifndef RC_CAPTURE_KERNEL_HOLDS_H
#define RC_CAPTURE_KERNEL_HOLDS_H

#include "ringcap/capture.h"

/*
 * 1 while a TPACKET_V3 block the kernel fills has packets in it (its
 * retire timer will hand them over), else 0 - also for the other
 * back-ends, whose packets a read returns as soon as they are in.  Call
 * it from the thread that reads c, after a read returned 0.
 */
int rc__capture_kernel_holds(const rc_capture *c);

#endif
