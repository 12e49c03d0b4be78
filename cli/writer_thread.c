/*
 * writer_thread.c - the buffer pipeline between capture threads and the
 * writer thread (see writer_thread.h for the idea and the buffer layout).
 *
 * Locking: one mutex guards the queued-buffer lists, the free lists and
 * the progress/done values; a capture thread takes it only to hand over
 * or fetch a whole buffer, never per packet.  The writer moves queued
 * buffers to its private lists under the lock and runs the sink without it.
 * The condition variable is signalled only when the writer has work: a
 * queued buffer, a source that ended, or progress while a merge holds
 * records back (want_progress) - an idle pipeline makes no wake-ups.
 * With a flush function, the one exception: while the sink holds packets
 * not yet flushed, the writer's wait ends at their flush deadline
 * (CLOCK_MONOTONIC, so a wall clock step moves no deadline).
 */
#include "writer_thread.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ringcap/error.h"

/* One packet record in a buffer (followed by caplen bytes, padded to 8). */
struct rec {
	uint64_t ts_nsec;
	uint32_t caplen, len, ifindex, flags;
	uint16_t linktype;
	uint8_t direction, pkttype;
	uint16_t vlan_tci, vlan_tpid;
};

#define REC_SIZE ((sizeof(struct rec) + 7u) & ~(size_t)7u)
/* Packets per sink call. */
#define RC__WT_BATCH 64u

struct buf {
	struct buf *next;
	unsigned owner; /* source index: the buffer returns to its free list */
	size_t used; /* bytes of records */
	size_t rd;   /* writer: offset of the next record to emit */
	size_t npkts; /* encoded mode: records in the buffer */
	uint64_t wire_bytes; /* encoded mode: their original lengths */
	unsigned char data[];
};

struct list {
	struct buf *head, *tail;
};

struct src {
	struct buf *cur;       /* source thread only */
	struct list queued;    /* locked: filled, waiting for the writer */
	struct list freel;     /* locked */
	struct list mine;      /* writer only: being emitted */
	uint64_t progress_ns;  /* locked */
	int done;              /* locked */
	uint64_t w_progress;   /* writer's copy */
	int w_done;
};

struct rc__wt {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	pthread_t thread;
	unsigned n;
	size_t buf_bytes;
	int merge;
	rc__wt_sink sink;
	rc__wt_raw_sink raw_sink; /* encoded mode (sink is NULL) */
	rc__wt_flush flush;    /* locked; NULL: none */
	const rc_encoder *enc;
	void *user;
	struct src *srcs;
	struct buf **all;      /* every buffer, for freeing */
	size_t nall;
	atomic_ullong dropped;
	atomic_ullong emitted;
	atomic_int stopped;
	int status;            /* sink's stop status */
	int want_progress;     /* locked: the writer sleeps on a merge hold */
};

static void list_add(struct list *l, struct buf *b)
{
	b->next = NULL;
	if (l->tail)
		l->tail->next = b;
	else
		l->head = b;
	l->tail = b;
}

static struct buf *list_pop(struct list *l)
{
	struct buf *b = l->head;
	if (b) {
		l->head = b->next;
		if (!l->head)
			l->tail = NULL;
	}
	return b;
}

static void list_splice(struct list *to, struct list *from)
{
	if (!from->head)
		return;
	if (to->tail)
		to->tail->next = from->head;
	else
		to->head = from->head;
	to->tail = from->tail;
	from->head = from->tail = NULL;
}

static void list_push_front(struct list *l, struct buf *b)
{
	b->next = l->head;
	l->head = b;
	if (!l->tail)
		l->tail = b;
}

static const struct rec *head_rec(const struct src *s)
{
	const struct buf *b = s->mine.head;
	return b && b->rd < b->used ? (const struct rec *)(const void *)(b->data + b->rd) : NULL;
}

/*
 * Decode up to max records of s, oldest first, stopping before one stamped
 * after limit.  Buffers emptied on the way go to spent; their data stays
 * valid until the writer hands spent back (after the sink ran).
 */
static size_t gather(struct src *s, rc_packet *pkts, size_t max, uint64_t limit,
		     struct list *spent)
{
	size_t n = 0;
	const struct rec *r;
	while (n < max && (r = head_rec(s)) != NULL && r->ts_nsec <= limit) {
		struct buf *b = s->mine.head;
		rc_packet *p = &pkts[n++];
		memset(p, 0, sizeof(*p));
		p->data = b->data + b->rd + REC_SIZE;
		p->ts_nsec = r->ts_nsec;
		p->caplen = r->caplen;
		p->len = r->len;
		p->ifindex = r->ifindex;
		p->flags = r->flags;
		p->linktype = r->linktype;
		p->direction = r->direction;
		p->pkttype = r->pkttype;
		p->vlan_tci = r->vlan_tci;
		p->vlan_tpid = r->vlan_tpid;
		b->rd += REC_SIZE + ((r->caplen + 7u) & ~7u);
		if (b->rd >= b->used)
			list_add(spent, list_pop(&s->mine));
	}
	return n;
}

/* Encoded mode: every queued buffer, whole, to the raw sink. */
static int drain_encoded(struct rc__wt *w, struct list *spent)
{
	int any = 0;
	for (unsigned i = 0; i < w->n; i++) {
		struct buf *b;
		while ((b = w->srcs[i].mine.head) != NULL) {
			size_t taken = b->npkts;
			int st = w->raw_sink(w->user, i, b->data, b->used, b->npkts, b->wire_bytes,
					     &taken);
			atomic_fetch_add_explicit(&w->emitted, st == 0 ? b->npkts : taken,
						  memory_order_relaxed);
			list_add(spent, list_pop(&w->srcs[i].mine));
			any = 1;
			if (st != 0) {
				w->status = st;
				atomic_store(&w->stopped, 1);
				return any;
			}
		}
	}
	return any;
}

/*
 * Emit what may be emitted now, a batch per sink call.  Without merge,
 * everything.  With merge, records of the source with the oldest head,
 * as long as they are no newer than every other source's head and than
 * the progress every other live source without a head has promised.
 * Returns 1 if anything was emitted; *held = 1 when records wait for
 * another source's progress.
 */
static int drain(struct rc__wt *w, struct list *spent, int *held)
{
	rc_packet pkts[RC__WT_BATCH];
	int any = 0;
	*held = 0;
	for (;;) {
		int best = -1;
		uint64_t best_ts = 0;
		for (unsigned i = 0; i < w->n; i++) {
			const struct rec *r = head_rec(&w->srcs[i]);
			if (r && (best < 0 || r->ts_nsec < best_ts)) {
				best = (int)i;
				best_ts = r->ts_nsec;
			}
		}
		if (best < 0)
			return any;
		uint64_t limit = UINT64_MAX;
		if (w->merge)
			for (unsigned i = 0; i < w->n; i++) {
				const struct src *s = &w->srcs[i];
				const struct rec *r = head_rec(s);
				if ((int)i == best || (!r && s->w_done))
					continue;
				uint64_t t = r ? r->ts_nsec : s->w_progress;
				if (t < limit)
					limit = t;
			}
		if (best_ts > limit) {
			*held = 1;
			return any;
		}
		size_t n = gather(&w->srcs[best], pkts, RC__WT_BATCH, limit, spent);
		size_t taken = n;
		int st = w->sink(w->user, (unsigned)best, pkts, n, &taken);
		atomic_fetch_add_explicit(&w->emitted, st == 0 ? n : taken, memory_order_relaxed);
		any = 1;
		if (st != 0) {
			w->status = st;
			atomic_store(&w->stopped, 1);
			return any;
		}
	}
}

static uint64_t mono_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Writer side: call the flush function once the oldest packet the sink
 * took since the last flush is RC__WT_FLUSH_NSEC old; *due = 0 after. */
static void flush_if_due(struct rc__wt *w, rc__wt_flush flush, uint64_t *due)
{
	if (!flush || !*due || mono_ns() < *due || atomic_load(&w->stopped))
		return;
	*due = 0;
	int st = flush(w->user);
	if (st != 0) {
		w->status = st;
		atomic_store(&w->stopped, 1);
	}
}

static void *writer_main(void *arg)
{
	struct rc__wt *w = arg;
	struct list spent = { NULL, NULL };
	rc__wt_flush flush = NULL;
	uint64_t flush_due = 0; /* 0: the sink holds nothing unflushed */
	pthread_mutex_lock(&w->mu);
	for (;;) {
		int all_done = 1;
		w->want_progress = 0;
		flush = w->flush;
		for (unsigned i = 0; i < w->n; i++) {
			struct src *s = &w->srcs[i];
			list_splice(&s->mine, &s->queued);
			s->w_progress = s->progress_ns;
			s->w_done = s->done;
			all_done &= s->done;
		}
		pthread_mutex_unlock(&w->mu);

		int progressed = 0, held = 0;
		if (!atomic_load(&w->stopped))
			progressed = w->enc ? drain_encoded(w, &spent) : drain(w, &spent, &held);
		if (progressed && !flush_due)
			flush_due = mono_ns() + RC__WT_FLUSH_NSEC;
		if (atomic_load(&w->stopped)) {
			/* Stopped: hand every buffer back so sources keep running
			 * (their packets are counted as not captured). */
			for (unsigned i = 0; i < w->n; i++) {
				struct buf *b;
				while ((b = list_pop(&w->srcs[i].mine)))
					list_add(&spent, b);
			}
		}

		pthread_mutex_lock(&w->mu);
		int busy = progressed;
		for (unsigned i = 0; i < w->n; i++)
			busy |= w->srcs[i].queued.head != NULL;
		if (!busy) {
			/* Nothing queued: the sink's buffers may go to the
			 * kernel if their time is up (the sources never wait on
			 * the lock for a flush). */
			pthread_mutex_unlock(&w->mu);
			flush_if_due(w, flush, &flush_due);
			pthread_mutex_lock(&w->mu);
		}
		struct buf *b;
		while ((b = list_pop(&spent))) {
			b->used = b->rd = b->npkts = 0;
			b->wire_bytes = 0;
			list_push_front(&w->srcs[b->owner].freel, b);
		}
		int empty = 1, queued = 0;
		for (unsigned i = 0; i < w->n; i++) {
			const struct src *s = &w->srcs[i];
			if (s->mine.head || s->queued.head)
				empty = 0;
			if (s->queued.head || s->done != s->w_done ||
			    (held && s->progress_ns != s->w_progress))
				queued = 1;
		}
		if (all_done && empty)
			break;
		/* Sleep until a source queues a buffer or ends, or - when
		 * records wait for a merge - publishes progress, or until
		 * unflushed packets are due. */
		if (!progressed && !queued) {
			w->want_progress = held;
			if (flush && flush_due && !atomic_load(&w->stopped)) {
				struct timespec ts = { (time_t)(flush_due / 1000000000u),
						       (long)(flush_due % 1000000000u) };
				pthread_cond_timedwait(&w->cv, &w->mu, &ts);
			} else {
				pthread_cond_wait(&w->cv, &w->mu);
			}
		}
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

static int create(struct rc__wt **out, unsigned nsources, size_t buf_bytes,
		  unsigned bufs_per_source, int merge, rc__wt_sink sink, const rc_encoder *enc,
		  rc__wt_raw_sink raw_sink, void *user)
{
	*out = NULL;
	if (nsources == 0 || bufs_per_source == 0 || buf_bytes < 4096)
		return RC_EINVAL;
	struct rc__wt *w = calloc(1, sizeof(*w));
	if (!w)
		return RC_ENOMEM;
	w->n = nsources;
	w->buf_bytes = buf_bytes;
	w->merge = merge && nsources > 1;
	w->sink = sink;
	w->enc = enc;
	w->raw_sink = raw_sink;
	w->user = user;
	w->srcs = calloc(nsources, sizeof(*w->srcs));
	w->all = calloc((size_t)nsources * bufs_per_source, sizeof(*w->all));
	if (!w->srcs || !w->all)
		goto err;
	for (unsigned i = 0; i < nsources; i++)
		for (unsigned k = 0; k < bufs_per_source; k++) {
			struct buf *b = malloc(sizeof(*b) + buf_bytes);
			if (!b)
				goto err;
			/* The two buffers a source uses while the writer keeps
			 * up: fault their pages in now, not during traffic. */
			if (k < 2)
				memset(b->data, 0, buf_bytes);
			b->owner = i;
			b->used = b->rd = b->npkts = 0;
			b->wire_bytes = 0;
			w->all[w->nall++] = b;
			list_add(&w->srcs[i].freel, b);
		}
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC); /* flush deadlines */
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->cv, &ca);
	pthread_condattr_destroy(&ca);
	if (pthread_create(&w->thread, NULL, writer_main, w) != 0) {
		pthread_cond_destroy(&w->cv);
		pthread_mutex_destroy(&w->mu);
		goto err;
	}
	*out = w;
	return 0;
err:
	for (size_t i = 0; i < w->nall; i++)
		free(w->all[i]);
	free(w->all);
	free(w->srcs);
	free(w);
	return RC_ENOMEM;
}

int rc__wt_create(struct rc__wt **out, unsigned nsources, size_t buf_bytes,
		  unsigned bufs_per_source, int merge, rc__wt_sink sink, void *user)
{
	return create(out, nsources, buf_bytes, bufs_per_source, merge, sink, NULL, NULL, user);
}

int rc__wt_create_encoded(struct rc__wt **out, unsigned nsources, size_t buf_bytes,
			  unsigned bufs_per_source, const rc_encoder *enc, rc__wt_raw_sink sink,
			  void *user)
{
	if (!enc)
		return RC_EINVAL;
	return create(out, nsources, buf_bytes, bufs_per_source, 0, NULL, enc, sink, user);
}

void rc__wt_set_flush(struct rc__wt *w, rc__wt_flush flush)
{
	pthread_mutex_lock(&w->mu);
	w->flush = flush;
	pthread_mutex_unlock(&w->mu);
}

/* Source side: a free buffer for s as its current one (0) or RC_EAGAIN. */
static int take_free(struct rc__wt *w, struct src *s)
{
	pthread_mutex_lock(&w->mu);
	s->cur = list_pop(&s->freel);
	pthread_mutex_unlock(&w->mu);
	return s->cur ? 0 : RC_EAGAIN;
}

void rc__wt_push(struct rc__wt *w, unsigned si, uint64_t progress_ns)
{
	struct src *s = &w->srcs[si];
	int wake = 0;
	pthread_mutex_lock(&w->mu);
	if (s->cur && s->cur->used) {
		list_add(&s->queued, s->cur);
		s->cur = list_pop(&s->freel);
		wake = 1;
	}
	if (progress_ns > s->progress_ns) {
		s->progress_ns = progress_ns;
		wake |= w->want_progress;
	}
	if (wake)
		pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
}

int rc__wt_pending(const struct rc__wt *w, unsigned si)
{
	const struct src *s = &w->srcs[si];
	return s->cur && s->cur->used;
}

/* Encoded mode: each packet's record straight into the buffer; a full one
 * is queued and the record tried once more in a fresh one. */
static size_t put_encoded(struct rc__wt *w, unsigned si, const rc_packet *pkts, size_t n)
{
	struct src *s = &w->srcs[si];
	size_t stored = 0, i = 0;
	int pushed = 0; /* pkts[i] met an empty buffer and did not fit */
	while (i < n) {
		if (!s->cur && take_free(w, s) < 0) {
			i++; /* no free buffer: dropped (the next may find one) */
			pushed = 0;
			continue;
		}
		struct buf *b = s->cur;
		rc_encoded_run run;
		size_t k = rc_encoder_encode_batch(w->enc, pkts + i, n - i, b->data + b->used,
						   w->buf_bytes - b->used, &run);
		b->used += run.bytes;
		b->npkts += k;
		b->wire_bytes += run.wire_bytes;
		stored += k;
		i += k;
		if (i == n)
			break;
		if (run.stop < 0 || (k == 0 && pushed)) {
			i++; /* refused, or too large for an empty buffer: dropped */
			pushed = 0;
		} else {
			rc__wt_push(w, si, 0); /* full: the next packet starts a new one */
			pushed = 1;
		}
	}
	return stored;
}

/* Each packet as a struct rec and its data, padded to 8. */
static size_t put_copied(struct rc__wt *w, unsigned si, const rc_packet *pkts, size_t n)
{
	struct src *s = &w->srcs[si];
	size_t stored = 0;
	for (size_t i = 0; i < n; i++) {
		const rc_packet *p = &pkts[i];
		size_t need = REC_SIZE + ((p->caplen + 7u) & ~(size_t)7u);
		if (need > w->buf_bytes)
			continue;
		if (s->cur && s->cur->used + need > w->buf_bytes)
			rc__wt_push(w, si, 0);
		if (!s->cur && take_free(w, s) < 0)
			continue;
		struct buf *b = s->cur;
		/* Records start at multiples of 8 (malloc alignment, padding). */
		struct rec *r = (struct rec *)(void *)(b->data + b->used);
		r->ts_nsec = p->ts_nsec;
		r->caplen = p->caplen;
		r->len = p->len;
		r->ifindex = p->ifindex;
		r->flags = p->flags;
		r->linktype = p->linktype;
		r->direction = p->direction;
		r->pkttype = p->pkttype;
		r->vlan_tci = p->vlan_tci;
		r->vlan_tpid = p->vlan_tpid;
		memcpy(b->data + b->used + REC_SIZE, p->data, p->caplen);
		b->used += need;
		stored++;
	}
	return stored;
}

size_t rc__wt_put(struct rc__wt *w, unsigned si, const rc_packet *pkts, size_t n)
{
	size_t stored = w->enc ? put_encoded(w, si, pkts, n) : put_copied(w, si, pkts, n);
	if (stored < n)
		atomic_fetch_add(&w->dropped, n - stored);
	return stored;
}

void rc__wt_source_done(struct rc__wt *w, unsigned si)
{
	struct src *s = &w->srcs[si];
	pthread_mutex_lock(&w->mu);
	if (s->cur && s->cur->used)
		list_add(&s->queued, s->cur);
	else if (s->cur)
		list_push_front(&s->freel, s->cur);
	s->cur = NULL;
	s->done = 1;
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
}

uint64_t rc__wt_dropped(const struct rc__wt *w)
{
	return atomic_load(&((struct rc__wt *)w)->dropped);
}

uint64_t rc__wt_emitted(const struct rc__wt *w)
{
	return atomic_load(&((struct rc__wt *)w)->emitted);
}

int rc__wt_stopped(const struct rc__wt *w)
{
	return atomic_load(&((struct rc__wt *)w)->stopped);
}

int rc__wt_finish(struct rc__wt *w, uint64_t *emitted, uint64_t *dropped)
{
	if (emitted)
		*emitted = 0;
	if (dropped)
		*dropped = 0;
	if (!w)
		return 0;
	pthread_join(w->thread, NULL);
	int st = w->status;
	if (emitted)
		*emitted = atomic_load(&w->emitted);
	if (dropped)
		*dropped = atomic_load(&w->dropped);
	pthread_cond_destroy(&w->cv);
	pthread_mutex_destroy(&w->mu);
	for (size_t i = 0; i < w->nall; i++)
		free(w->all[i]);
	free(w->all);
	free(w->srcs);
	free(w);
	return st;
}
