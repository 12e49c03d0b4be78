/*
 * fanout.c - n capture handles in one PACKET_FANOUT group, and a runner
 * that drives each from its own thread pinned to its own CPU.
 *
 * The kernel spreads the packets of one device over the group's sockets
 * (by flow hash, round robin, CPU, ...); each socket has its own ring, so
 * n threads capture without sharing anything.  A packet goes to exactly
 * one member.  Each member is also set up on the CPU its reader will run
 * on, so that its ring lies in that CPU's NUMA node.
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

/*
 * The CPUs the calling thread may run on, in order, into cpus: member i
 * is set up (rc_fanout_open) and read (rc_fanout_run) on the i-th modulo
 * their count (member_cpu).  0 when unknown: no pinning.
 */
static int allowed_cpus(int cpus[CPU_SETSIZE])
{
	cpu_set_t allowed;
	int n = 0;
	if (sched_getaffinity(0, sizeof(allowed), &allowed) == 0)
		for (int k = 0; k < CPU_SETSIZE; k++)
			if (CPU_ISSET((size_t)k, &allowed))
				cpus[n++] = k;
	return n;
}

static int member_cpu(const int *cpus, int ncpu, unsigned i)
{
	return ncpu ? cpus[i % (unsigned)ncpu] : -1;
}

static void pin_self(int cpu)
{
	if (cpu < 0)
		return;
	cpu_set_t set;
	CPU_ZERO(&set);
	CPU_SET((size_t)cpu, &set);
	/* Best effort: a cpuset may forbid it; the capture still works.  The
	 * kernel moves the calling thread before the call returns. */
	(void)pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
}

/* One member's set-up, run on a thread pinned to the member's CPU. */
struct rc__fanout_member {
	rc_capture **c;
	unsigned index;
	const char *device;
	uint16_t group_id;
	int mode;
	unsigned flags;
	rc_fanout_configure configure;
	void *user;
	char *errbuf;
	int cpu;
	int status;
};

static int open_member(const struct rc__fanout_member *m)
{
	int st;
	if ((st = rc_capture_create(m->c, m->device, m->errbuf)) < 0)
		return st;
	rc_capture *c = *m->c;
	if ((st = rc_capture_set_fanout(c, m->group_id, m->mode, m->flags)) < 0)
		return st;
	/* The callback's own message, if it left one (a setter's), says
	 * more than its bare status. */
	if (m->configure && (st = m->configure(c, m->index, m->user)) < 0) {
		if (!c->err[0])
			rc__errf(c->err, st, "configure callback failed: %s", rc_strerror(st));
		return st;
	}
	return rc_capture_activate(c);
}

static void *member_main(void *arg)
{
	struct rc__fanout_member *m = arg;
	pin_self(m->cpu);
	m->status = open_member(m);
	return NULL;
}

int rc_fanout_open(rc_capture **handles, unsigned n, const char *device, uint16_t group_id,
		   int mode, unsigned flags, rc_fanout_configure configure, void *user,
		   char *errbuf)
{
	if (!handles)
		return rc__errf(errbuf, RC_EINVAL, "rc_fanout_open: handles is NULL");
	if (n == 0 || n > 1024)
		return rc__errf(errbuf, RC_EINVAL, "fanout: %u handles requested (1..1024)", n);
	int cpus[CPU_SETSIZE];
	int ncpu = allowed_cpus(cpus);
	unsigned i;
	int st = 0;
	for (i = 0; i < n; i++)
		handles[i] = NULL;
	/* One member after the other, in order (the kernel numbers a group's
	 * members as they join), each on a short-lived thread pinned where
	 * rc_fanout_run will read it: the kernel allocates the ring's pages
	 * in activate (PACKET_RX_RING), on the NUMA node of the CPU that asks. */
	for (i = 0; i < n; i++) {
		struct rc__fanout_member m = {
			.c = &handles[i], .index = i, .device = device, .group_id = group_id,
			.mode = mode, .flags = flags, .configure = configure, .user = user,
			.errbuf = errbuf, .cpu = member_cpu(cpus, ncpu, i),
		};
		pthread_t tid;
		int e = pthread_create(&tid, NULL, member_main, &m);
		if (e != 0) {
			st = rc__errf(errbuf, rc__from_errno(e), "%s: fanout member %u: cannot "
				      "start its set-up thread: %s", device ? device : "any", i,
				      strerror(e));
			goto err;
		}
		pthread_join(tid, NULL);
		if ((st = m.status) < 0) {
			if (handles[i]) /* else rc_capture_create wrote errbuf */
				fanout_error(errbuf, st, i, handles[i]);
			goto err;
		}
	}
	return 0;
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
	pin_self(t->cpu);
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
	int cpus[CPU_SETSIZE];
	int ncpu = allowed_cpus(cpus);
	unsigned started = 0;
	int st = 0;
	for (unsigned i = 0; i < n; i++) {
		t[i] = (struct rc__fanout_thread){ handles[i], handler, user,
						   member_cpu(cpus, ncpu, i), 0 };
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
