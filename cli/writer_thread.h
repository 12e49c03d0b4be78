/*
 * writer_thread.h - large buffers between the capture rings and the disk.
 *
 * Capture threads ("sources") must hand every ring slot back to the kernel
 * quickly, or the kernel drops packets.  So they only copy each packet into
 * a large private buffer; full buffers (or, when traffic is slow, partly
 * filled ones at every read timeout) are queued to one writer thread, which
 * runs the sink (file write with rotation, printing, JSON) at its own pace,
 * a batch of packets per call.  The writer sleeps on a condition variable
 * with no timeout: when nothing is queued, it costs no CPU at all - but
 * for one wake-up after packets: with a flush function
 * (rc__wt_set_flush), what the sink took is flushed at most
 * RC__WT_FLUSH_NSEC after the first packet of it, once the writer has
 * nothing queued, so no packet waits in memory for later ones that may
 * never come (dumpcap flushes its file periodically for the same reason).
 * Under steady traffic that is one extra write(2) a second.
 *
 * Free buffers are reused last-in first-out, so a writer that keeps up
 * cycles through two cache-warm buffers per source instead of touching
 * (page-faulting) all of them; those two are touched at creation.
 *
 * When the writer falls behind and a source has no free buffer left, the
 * packet is dropped and counted (rc__wt_dropped): nothing is lost silently.
 *
 * With merge on, the writer emits packets of all sources in time stamp
 * order: it takes the oldest head record, but only once every other live
 * source either has a record queued or has published a "progress" time at
 * least as late (the source promises it will deliver nothing older).
 *
 *   buffer: [rec hdr 32 B | data, padded to 8] [rec hdr | data] ...
 *
 * Encoded mode (rc__wt_create_encoded): sources put each packet as the
 * bytes of its file record (rc_encoder, see ringcap/file.h), so a buffer
 * is a run of file records and the writer hands whole buffers to the file:
 * one copy per packet in all, and for pcap no per-packet work in the writer
 * thread (pcapng: the sink renumbers each block's interface, cli/rotate.c).
 * No merge in this mode.
 *
 *   buffer: [pcap rec hdr 16 B | caplen bytes] [pcap rec hdr | data] ...
 *       or  [EPB: 28 B | data, padded to 4 | epb_flags | length] [EPB] ...
 *
 * Thread-safety: rc__wt_put/_push/_source_done for source s are called by
 * one thread (that source's); everything else by the owning thread.
 */
#ifndef RC_CLI_WRITER_THREAD_H
#define RC_CLI_WRITER_THREAD_H

#include <stddef.h>
#include <stdint.h>

#include "ringcap/file.h"
#include "ringcap/packet.h"

struct rc__wt;

/*
 * The sink runs in the writer thread on a batch of n >= 1 packets of one
 * source (pkts[i].data valid during the call).  It returns 0 when it took
 * all of them, or - having set *taken to the number it took first - RC_EBREAK
 * to stop consuming (e.g. the -W file limit was reached) or another
 * negative status for a fatal error (it printed its own message).  Either
 * way rc__wt_stopped() becomes true.
 */
typedef int (*rc__wt_sink)(void *user, unsigned source, const rc_packet *pkts, size_t n,
			   size_t *taken);

/*
 * The encoded-mode sink: the records of n >= 1 packets of one source,
 * recs[0..len) (valid during the call, and the sink's to rewrite in
 * place); wire_bytes = the sum of their original lengths.  Returns 0 when
 * it took them all,
 * or - with *taken = the packets it took first - a stop status, as
 * rc__wt_sink.
 */
typedef int (*rc__wt_raw_sink)(void *user, unsigned source, uint8_t *recs, size_t len,
			       size_t n, uint64_t wire_bytes, size_t *taken);

/*
 * Create the pipeline: nsources sources, each with bufs_per_source buffers
 * of buf_bytes; merge = 1 for time stamp order across sources.  The thread
 * starts here.  0, RC_ENOMEM, RC_EIO (thread creation).
 */
int rc__wt_create(struct rc__wt **out, unsigned nsources, size_t buf_bytes,
		  unsigned bufs_per_source, int merge, rc__wt_sink sink, void *user);

/* The same in encoded mode: sources encode packets with enc (which must
 * outlive the pipeline) and sink gets whole runs of records. */
int rc__wt_create_encoded(struct rc__wt **out, unsigned nsources, size_t buf_bytes,
			  unsigned bufs_per_source, const rc_encoder *enc, rc__wt_raw_sink sink,
			  void *user);

/* The flush function: hand whatever the sink holds to the kernel.  Runs
 * in the writer thread; 0, or a negative status that stops the pipeline
 * as a sink's fatal one (it printed its own message). */
typedef int (*rc__wt_flush)(void *user);

/* The longest time a packet the sink took waits for the flush function
 * (while the writer is busy, until its queue is empty). */
#define RC__WT_FLUSH_NSEC (1000u * 1000u * 1000u)

/* Give the pipeline a flush function (the writer thread may already run). */
void rc__wt_set_flush(struct rc__wt *w, rc__wt_flush flush);

/* Copy pkts[0..n) into source s's buffers, in order.  Returns how many
 * were stored; the rest were dropped (no free buffer: the writer is
 * behind; in encoded mode also a packet the encoder refuses) and are
 * counted in rc__wt_dropped.  Takes the lock only to
 * queue a full buffer and fetch an empty one. */
size_t rc__wt_put(struct rc__wt *w, unsigned s, const rc_packet *pkts, size_t n);

/* Queue s's current buffer (if not empty) and publish progress_ns: s will
 * put no packet with an older time stamp from now on.  Wakes the writer
 * only if it has something to do (a buffer, or progress a merge waits for). */
void rc__wt_push(struct rc__wt *w, unsigned s, uint64_t progress_ns);

/* 1 if s's current buffer holds packets not yet pushed (source thread). */
int rc__wt_pending(const struct rc__wt *w, unsigned s);

/* Source s ends: its last buffer is queued, it will put nothing more. */
void rc__wt_source_done(struct rc__wt *w, unsigned s);

/* Packets dropped because no buffer was free, over all sources. */
uint64_t rc__wt_dropped(const struct rc__wt *w);
/* Packets the sink accepted (returned 0 for). */
uint64_t rc__wt_emitted(const struct rc__wt *w);
/* 1 once the sink stopped (RC_EBREAK or an error). */
int rc__wt_stopped(const struct rc__wt *w);

/*
 * Wait until every source is done and everything queued was consumed (or
 * the sink stopped), then end the thread and free everything; the final
 * rc__wt_emitted and rc__wt_dropped counts go to *emitted and *dropped
 * (either may be NULL).  Returns 0, RC_EBREAK or the sink's fatal status.
 * Accepts NULL (returns 0, counts 0).
 */
int rc__wt_finish(struct rc__wt *w, uint64_t *emitted, uint64_t *dropped);

#endif
