/*
 * rotate.h - the -w output file with tcpdump's -C / -G / -W rotation.
 *
 * Names (tcpdump's MakeFilename): the -w name goes through strftime(3)
 * when -G is given (local time of the file's start); then, with -C, a
 * counter is appended unless it is 0 with no -W; it is zero-padded to the
 * number of digits of W-1 (tcpdump's getWflagChars):
 *
 *   -w f -C 1          f, f1, f2, f3, ...
 *   -w f -C 1 -W 3     f0, f1, f2, f0, f1, ...      (a ring of 3 files)
 *   -w f_%H%M%S -G 60  f_120000, f_120100, ...
 *   -G 60 -W 3         3 files, then capture ends ("Maximum file limit reached: 3")
 *
 * -C SIZE: before a packet is written, if the current file already holds
 * more than SIZE * 1,000,000 bytes, the next file is started (so a file
 * can pass the size by one packet, as in tcpdump).  -G: before a packet is
 * written, if SECS seconds of wall time passed since the file was opened.
 *
 * pcapng files get one IDB per capture interface, with if_name and the
 * filter as if_filter, added when the interface's first packet arrives;
 * each later file of the rotation starts with the IDBs of all interfaces
 * seen so far, so an interface has the same number in every file.  A
 * file is closed with an ISB for each interface whose counts the capture
 * knows (cfg.iface_counts): received and dropped since the capture began,
 * as dumpcap writes them.
 *
 * Not thread-safe: one rc__rot is used by one thread.
 */
#ifndef RC_CLI_ROTATE_H
#define RC_CLI_ROTATE_H

#include <stddef.h>
#include <stdint.h>

#include "ringcap/file.h"
#include "ringcap/packet.h"

struct rc__rot_cfg {
	const char *path;          /* -w; "-" = stdout (no rotation allowed) */
	int format;                /* enum rc_file_format */
	uint16_t linktype;         /* pcap: the file's link type */
	uint32_t snaplen;
	int ts_precision;          /* enum rc_ts_precision (pcap) */
	long size_mb;              /* -C, 0 = off */
	long secs;                 /* -G, 0 = off */
	long count;                /* -W, 0 = off */
	int packet_buffered;       /* -U */
	const char *filter;        /* if_filter for pcapng IDBs, NULL = none */
	/* pcapng: the counts for an interface's ISB (isb_ifrecv, isb_ifdrop)
	 * when a file is closed, by kernel ifindex; returns 1 with *recv and
	 * *drop set, or 0 if the capture cannot tell (no ISB for it).  Called
	 * in the thread that writes.  NULL: no ISBs. */
	int (*iface_counts)(void *user, uint32_t kernel_ifindex, uint64_t *recv, uint64_t *drop);
	void *counts_user;
};

struct rc__rot;

/* Open the first file.  0 or a negative status; message in err. */
int rc__rot_open(struct rc__rot **out, const struct rc__rot_cfg *cfg, char *err, size_t errlen);

/*
 * Write p (p->ifindex is the kernel ifindex, named with if_indextoname for
 * the pcapng IDB), rotating first if due.  Returns 0, RC_EBREAK when -G/-W
 * reached its file limit (nothing written; the message says so), or a
 * negative error (ENOSPC etc.) with a message naming the file in err.
 */
int rc__rot_write(struct rc__rot *r, const rc_packet *p, char *err, size_t errlen);

/*
 * rc__rot_write for pkts[0..n) in order; *done = packets written.  Same
 * result as n calls, cheaper for pcap: -G and -C are checked once per run
 * of packets that cannot cross the -C size (rotation happens before the
 * same packet as with rc__rot_write), and nothing is copied per packet.
 */
int rc__rot_write_batch(struct rc__rot *r, const rc_packet *pkts, size_t n, size_t *done,
			char *err, size_t errlen);

/* The encoder for the records of this output's files (the same for every
 * file of the rotation), r's until rc__rot_close.  For pcapng, packets
 * are encoded with their kernel ifindex as the interface number:
 * rc__rot_write_encoded renumbers them. */
const rc_encoder *rc__rot_encoder(const struct rc__rot *r);

/*
 * Write n records made by that encoder, recs[0..len), rotating between
 * records as rc__rot_write would before each packet (-C is exact; -G is
 * checked once per rc_writer_write_encoded run).  pcapng: lt is the link
 * type of the packets' interfaces, and each block's interface number is
 * rewritten in place.  *done = packets written.  0, RC_EBREAK or a
 * negative error as rc__rot_write.
 */
int rc__rot_write_encoded(struct rc__rot *r, uint8_t *recs, size_t len, size_t n, uint16_t lt,
			  size_t *done, char *err, size_t errlen);

/* Sum of the original lengths of the first n records of recs[0..len)
 * (made by that encoder). */
uint64_t rc__rot_encoded_wire_bytes(const struct rc__rot *r, const uint8_t *recs, size_t len,
				    size_t n);

/* Hand the current file's buffered records to the kernel (write(2), no
 * fsync): they survive the process then.  0 or a negative status with a
 * message naming the file in err. */
int rc__rot_flush(struct rc__rot *r, char *err, size_t errlen);

/* Bytes in the current file (buffered ones included). */
uint64_t rc__rot_file_bytes(const struct rc__rot *r);

/* What the files of a run got: every packet given is in a file or was
 * lost to the error that stopped writing. */
struct rc__rot_counts {
	uint64_t given;   /* packets passed to the write calls: all of each call,
			   * but those a -G/-W file limit refused (RC_EBREAK) */
	uint64_t written; /* packets that reached the files: rc_writer_packets
			   * of each after its last flush, so what a full disk
			   * cut off is not in (a -W ring may overwrite some) */
};

/* Flush and close the current file, then free r; 0 or a negative status
 * (message in err).  *counts (if counts is not NULL) gets the run's
 * counts.  Accepts NULL (counts 0). */
int rc__rot_close(struct rc__rot *r, struct rc__rot_counts *counts, char *err, size_t errlen);

/* The name of file number cnt (tcpdump's MakeFilename) for start time t;
 * exposed for tests.  0, or -1 if it does not fit in len. */
int rc__rot_make_name(char *buf, size_t len, const char *pattern, int use_strftime, int64_t t,
		      long cnt, long count_limit);

#endif
