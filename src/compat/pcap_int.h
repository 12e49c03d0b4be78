/*
 * pcap_int.h - the private pcap_t of ringcap's libpcap compatibility layer.
 *
 * A pcap_t is one of three kinds, fixed when it is opened:
 *   live     pcap_create() + pcap_activate(): an rc_capture (live.c)
 *   offline  pcap_open_offline*() / pcap_fopen_offline*(): an rc_reader (offline.c)
 *   dead     pcap_open_dead*(): no source, for pcap_compile() and dumping
 * The kind-specific operations are a `const` table chosen at that moment
 * (rc__pcap_ops); handle.c holds the kind-independent API and calls
 * through the table, so no function pointer is ever written into a handle.
 *
 * Link types: the handle stores libpcap's DLT_* value (what pcap_datalink()
 * returns); ringcap's APIs take LINKTYPE_* values; rc__dlt_to_linktype() and
 * rc__linktype_to_dlt() convert at those boundaries (they differ for
 * DLT_RAW 12 <-> LINKTYPE_RAW 101 and a few others, see pcap/dlt.h).
 */
#ifndef RC_COMPAT_PCAP_INT_H
#define RC_COMPAT_PCAP_INT_H

#include <signal.h>
#include <stdint.h>

#include <pcap/pcap.h>

#include "ringcap/file.h"
#include "ringcap/filter.h"

struct rc_capture;

/* libpcap's MAXIMUM_SNAPLEN: larger or non-positive snap lengths mean this
 * (live captures, and savefiles of most link types, see rc__pcap_max_snaplen). */
#define RC__PCAP_MAX_SNAPLEN 262144
/* The largest per-link-type maximum (DLT_DBUS, 128 MiB). */
#define RC__PCAP_MAX_SNAPLEN_ANY (128u * 1024u * 1024u)

/* Packets asked of rc_capture_next_batch() / rc_reader_next_batch() per read. */
#define RC__PCAP_BATCH 256

/*
 * Operations of one kind of handle.  Every entry may be NULL: the generic
 * function then reports that the operation does not apply to this kind
 * (e.g. pcap_inject on a savefile), with libpcap's wording where it has one.
 */
struct rc__pcap_ops {
	/* Up to cnt packets (cnt <= 0: one buffer's worth / the whole file) to
	 * cb; returns the number delivered, 0 (timeout or EOF), or PCAP_ERROR /
	 * PCAP_ERROR_BREAK.  Applies the filter. */
	int (*read)(pcap_t *p, int cnt, pcap_handler cb, u_char *user);
	/* One packet that passes the filter: 1, 0 (timeout), PCAP_ERROR_BREAK
	 * (end of file), PCAP_ERROR. */
	int (*next)(pcap_t *p, struct pcap_pkthdr *h, const u_char **data);
	int (*setfilter)(pcap_t *p, const rc_bpf_insn *insns, size_t len);
	int (*stats)(pcap_t *p, struct pcap_stat *ps);
	int (*inject)(pcap_t *p, const void *buf, size_t size);
	int (*setdirection)(pcap_t *p, pcap_direction_t d);
	int (*setnonblock)(pcap_t *p, int nonblock);
	int (*selectable_fd)(pcap_t *p);
	/* Wake a blocked read after p->break_loop was set (async-signal-safe). */
	void (*breakloop)(pcap_t *p);
	void (*cleanup)(pcap_t *p);
};

extern const struct rc__pcap_ops rc__pcap_live_ops;
extern const struct rc__pcap_ops rc__pcap_offline_ops;
extern const struct rc__pcap_ops rc__pcap_dead_ops;

/* Options set before pcap_activate() (live handles). */
struct rc__pcap_opts {
	int snaplen;          /* 0 = default 262144 */
	int promisc;
	int rfmon;
	int timeout_ms;
	int immediate;
	int buffer_bytes;     /* 0 = default */
	int tstamp_precision; /* PCAP_TSTAMP_PRECISION_* */
	int protocol;         /* EtherType in host order, 0 = all */
	int nonblock;         /* pcap_setnonblock() before activation */
};

/*
 * A classic pcap savefile read through p->fp, one record per call, as
 * libpcap reads it (offline_fp.c): on once pcap_file() handed fp out.
 */
struct rc__fp_read {
	int on;
	unsigned hdr_len;             /* 16, or 24 for the "modified" format */
	int len_swap;                 /* caplen/len exchanged: 0 no, 1 yes, 2 if
				       * caplen > len (version 2.3) */
	uint32_t frac_mul;            /* ns per unit of the fraction: 1000 or 1 */
	uint8_t *buf;                 /* the record's data */
	size_t cap;
};

struct pcap {
	const struct rc__pcap_ops *ops;
	int activated;
	char errbuf[PCAP_ERRBUF_SIZE];
	char *device;                 /* live: name given to pcap_create() */
	struct rc__pcap_opts opt;

	int linktype;                 /* DLT_* value */
	int linktype_ext;             /* pcap linktype field bits above 16 (FCS info) */
	int snapshot;                 /* snap length in effect */
	int tstamp_precision;         /* precision handed to the caller */
	pcap_direction_t direction;
	volatile sig_atomic_t break_loop;

	/* offline */
	rc_reader *reader;
	size_t reader_name_len;       /* strlen of the name the reader was opened
				       * with: its messages start "NAME: " */
	FILE *fp;                     /* pcap_fopen_offline()'s stream, stdin for
				       * "-", or the one pcap_file() opened:
				       * fclose'd at close (not stdin) */
	uint64_t off_base;            /* position in fp of the reader's offset 0 */
	uint64_t first_rec_off;       /* position in fp of the first record */
	int fp_made;                  /* pcap_file() was called (offline_fp.c) */
	int ended;                    /* damage was reported: the file has ended */
	struct rc__fp_read fpr;       /* classic pcap read through fp */
	int file_fd;                  /* what pcap_get_selectable_fd() reports for a
				       * savefile (pcap_fileno() reports -1) */
	uint32_t max_caplen;          /* records longer than this are an error */
	size_t ifaces_checked;        /* pcapng interfaces checked against the first */
	size_t ifaces_refused;        /* how many of those were unlike it (offline.c) */
	int bufsize;                  /* pcap_bufsize(): libpcap's record buffer size;
				       * live: the ring size in use */
	int swapped;
	int version_major, version_minor;

	/* live: the capture.  Both kinds: packets of the last
	 * rc_capture_next_batch() / rc_reader_next_batch() not yet handed out
	 * (a pcap_breakloop() or a count can stop a read mid-batch) */
	struct rc_capture *cap;
	rc_packet *batch;             /* RC__PCAP_BATCH entries */
	size_t batch_n, batch_i;
	uint64_t pending_discarded;   /* pending packets a new filter dropped */
	u_char *oneshot;              /* live: pcap_next_ex()'s copy of the last
				       * packet of a batch (snapshot bytes) */

	/* savefiles: the filter, run in user space (live handles hand theirs
	 * to rc_capture, which runs it in the kernel or in user space) */
	rc_bpf_insn *filter;
	size_t filter_len;

	/* pcap_next_ex() hands out a pointer to this header. */
	struct pcap_pkthdr next_hdr;
};

/* Allocate a zeroed handle of a kind (NULL on ENOMEM, message in errbuf). */
pcap_t *rc__pcap_alloc(const struct rc__pcap_ops *ops, char *errbuf);

/* Format the handle's message; returns status (for `return rc__pcap_err(...)`). */
int rc__pcap_err(pcap_t *p, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
#if defined(__clang_analyzer__) && !defined(RC_PCAP_ERR_IMPL)
/* As rc__errf in util/errmsg.h: tell clang --analyze, which sees one file
 * at a time, that the result is status.  Compiled code is unchanged. */
#define rc__pcap_err(p, status, ...) (rc__pcap_err((p), (status), __VA_ARGS__), (status))
#endif

/* errors.c: 1 once pcap_init() succeeded. */
int rc__pcap_new_api(void);

/* A ringcap status as the closest PCAP_ERROR_* code. */
int rc__pcap_status(int rc_status);

/* rc_packet -> pcap_pkthdr with p's time stamp precision.  Inline: it runs
 * once per packet in every reading loop (live.c, offline.c); as a function
 * of its own it took 5% of tcpdump -w's samples on 64-byte frames (perf,
 * EPYC VM), call and argument reloads included. */
static inline void rc__pcap_fill_hdr(const pcap_t *p, const rc_packet *pkt,
				     struct pcap_pkthdr *h)
{
	uint64_t sec = pkt->ts_nsec / 1000000000u, nsec = pkt->ts_nsec % 1000000000u;

	h->ts.tv_sec = (time_t)sec;
	/* In nanosecond mode libpcap puts nanoseconds into tv_usec. */
	h->ts.tv_usec = (suseconds_t)(p->tstamp_precision == PCAP_TSTAMP_PRECISION_NANO
					      ? nsec : nsec / 1000u);
	h->caplen = pkt->caplen;
	h->len = pkt->len;
}

/* Link-type mapping (linktypes.c). */
int rc__dlt_to_linktype(int dlt);
int rc__linktype_to_dlt(int linktype);
/* libpcap's max_snaplen_for_dlt(): the largest record a savefile of dlt may
 * hold (DBUS 128 MiB, EBHSCR 8 MiB, USBPCAP 1 MiB, else 262144). */
int rc__pcap_max_snaplen(int dlt);
/* libpcap's pcap_adjust_snapshot(): 0 or more than the maximum means it. */
int rc__pcap_adjust_snaplen(int dlt, uint32_t snaplen);

/* filter.c: does the user-space filter accept pkt?  1 yes, 0 no. */
int rc__pcap_filter_accepts(const pcap_t *p, const rc_packet *pkt);
/* filter.c: replace the user-space filter with a copy of insns (validated). */
int rc__pcap_install_filter(pcap_t *p, const rc_bpf_insn *insns, size_t len);

/* offline_fp.c: pcap_file() of a savefile; see there. */
FILE *rc__offline_file(pcap_t *p);
/* offline_fp.c: the next record read through p->fp into *pkt: 1, 0 at the
 * end of the file, PCAP_ERROR. */
int rc__offline_fp_next(pcap_t *p, rc_packet *pkt);

/* live.c: activate a handle made by pcap_create(). */
int rc__pcap_live_activate(pcap_t *p);
/* live.c: the DLT_* values an active live handle offers, into dlts[0..2);
 * returns the count (pcap_list_datalinks). */
int rc__pcap_live_datalinks(const pcap_t *p, int dlts[2]);
/* live.c: switch an active live handle to dlt, one of those offered. */
int rc__pcap_live_set_datalink(pcap_t *p, int dlt);

#endif
