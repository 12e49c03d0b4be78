/*
 * fanout.c - n capture handles in one PACKET_FANOUT group, and a runner
 * that drives each from its own thread pinned to its own CPU.
 *
 * The kernel spreads the packets of one device over the group's sockets
 * (by flow hash, round robin, CPU, ...); each socket has its own ring, so
 * n threads capture without sharing anything.  A packet goes to exactly
 * one member.
 */
#include "capture/capture_int.h"

#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "util/errmsg.h"

/* "eth0: fanout member 2: interface is down": the member's message names
 * the device first, and so does this one, once; a message that does not
 * (a setter's) gets it in front. */
static void fanout_error(char *errbuf, int st, unsigned i, const rc_capture *c)
{
	const char *dev = rc__capture_devname(c), *msg = c->err[0] ? c->err : rc_strerror(st);
	size_t n = strlen(dev);
	if (strncmp(msg, dev, n) == 0 && msg[n] == ':' && msg[n + 1] == ' ')
		msg += n + 2;
	rc__errf(errbuf, st, "%s: fanout member %u: %s", dev, i, msg);
}

int rc_fanout_open(rc_capture **handles, unsigned n, const char *device, uint16_t group_id,
		   int mode, unsigned flags, rc_fanout_configure configure, void *user,
		   char *errbuf)
{
	if (!handles)
		return rc__errf(errbuf, RC_EINVAL, "rc_fanout_open: handles is NULL");
	if (n == 0 || n > 1024)
		return rc__errf(errbuf, RC_EINVAL, "fanout: %u handles requested (1..1024)", n);
	unsigned i;
	int st = 0;
	for (i = 0; i < n; i++)
		handles[i] = NULL;
	for (i = 0; i < n; i++) {
		if ((st = rc_capture_create(&handles[i], device, errbuf)) < 0)
			goto err;
		rc_capture *c = handles[i];
		if ((st = rc_capture_set_fanout(c, group_id, mode, flags)) < 0)
			goto member_err;
		/* The callback's own message, if it left one (a setter's),
		 * says more than its bare status. */
		if (configure && (st = configure(c, i, user)) < 0) {
			if (!c->err[0])
				rc__errf(c->err, st, "configure callback failed: %s",
					 rc_strerror(st));
			goto member_err;
		}
		if ((st = rc_capture_activate(c)) < 0)
			goto member_err;
	}
	return 0;
member_err:
	fanout_error(errbuf, st, i, handles[i]);
err:
	for (unsigned k = 0; k < n; k++) {
		rc_capture_close(handles[k]);
		handles[k] = NULL;
	}
	return st;
}

struct rc__fanout_thread {
	rc_capture *c;
	rc_capture_handler handler;
	void *user;
	int cpu; /* -1: no pinning */
	int status;
};

static void *fanout_main(void *arg)
{
	struct rc__fanout_thread *t = arg;
	if (t->cpu >= 0) {
		cpu_set_t set;
		CPU_ZERO(&set);
		CPU_SET((size_t)t->cpu, &set);
		/* Best effort: a cpuset may forbid it; the capture still works. */
		(void)pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
	}
	t->status = rc_capture_loop(t->c, 0, t->handler, t->user);
	return NULL;
}

int rc_fanout_run(rc_capture **handles, unsigned n, rc_capture_handler handler, void *user)
{
	if (!handles || n == 0 || n > 1024 || !handler)
		return RC_EINVAL;
	struct rc__fanout_thread *t = calloc(n, sizeof(*t));
	pthread_t *tid = calloc(n, sizeof(*tid));
	if (!t || !tid) {
		free(t);
		free(tid);
		return RC_ENOMEM;
	}
	/* The CPUs we may run on, in order; thread i gets the i-th. */
	cpu_set_t allowed;
	int cpus[CPU_SETSIZE], ncpu = 0;
	if (sched_getaffinity(0, sizeof(allowed), &allowed) == 0)
		for (int k = 0; k < CPU_SETSIZE; k++)
			if (CPU_ISSET((size_t)k, &allowed))
				cpus[ncpu++] = k;
	unsigned started = 0;
	int st = 0;
	for (unsigned i = 0; i < n; i++) {
		t[i] = (struct rc__fanout_thread){ handles[i], handler, user,
						   ncpu ? cpus[i % (unsigned)ncpu] : -1, 0 };
		if (pthread_create(&tid[i], NULL, fanout_main, &t[i]) != 0) {
			st = RC_ENOMEM;
			for (unsigned k = 0; k < started; k++)
				rc_capture_breakloop(handles[k]);
			break;
		}
		started++;
	}
	for (unsigned i = 0; i < started; i++) {
		pthread_join(tid[i], NULL);
		if (!st && t[i].status < 0 && t[i].status != RC_EBREAK)
			st = t[i].status;
	}
	free(t);
	free(tid);
	return st;
}
