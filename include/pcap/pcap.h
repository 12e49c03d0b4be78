/*
 * pcap/pcap.h - the libpcap 1.10 API, implemented by ringcap's
 * build/compat/libpcap.so.0.8 (see docs/compat.md).
 *
 * Types, constants and structure layouts are those of libpcap 1.10 on
 * Linux so that existing sources compile unchanged and existing binaries
 * run unchanged (same soname, same exported symbols).  The function
 * comments below state the contract ringcap implements; where it differs
 * from libpcap, docs/compat.md says so.
 *
 * Life cycle of a live handle:
 *   pcap_create() -> pcap_set_*() -> pcap_activate() -> pcap_loop()/
 *   pcap_next_ex()/... -> pcap_close()
 * pcap_open_live(), pcap_open_offline*() and pcap_open_dead*() return
 * handles that are already activated.
 *
 * Errors: functions returning int return 0 (or a count) on success,
 * PCAP_ERROR (-1) or one of the specific PCAP_ERROR_* codes on failure;
 * pcap_geterr() then gives the message.  Functions with an errbuf argument
 * write a message of at most PCAP_ERRBUF_SIZE bytes into it.
 *
 * Thread safety: one handle is used by one thread at a time, except
 * pcap_breakloop(), which may be called from another thread or a signal
 * handler.
 */
#ifndef lib_pcap_pcap_h
#define lib_pcap_pcap_h

/* libpcap's pcap/pcap-inttypes.h includes <inttypes.h> on every Unix,
 * and sources use its PRIu64 etc. after including only pcap.h. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/time.h>
#include <sys/types.h>

/* libpcap's pcap/socket.h pulls these in; sources rely on it. */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <pcap/bpf.h>

#ifdef __cplusplus
extern "C" {
#endif

/* File format version written by pcap_dump_open(). */
#define PCAP_VERSION_MAJOR 2
#define PCAP_VERSION_MINOR 4

#define PCAP_ERRBUF_SIZE 256

typedef struct pcap pcap_t;
typedef struct pcap_dumper pcap_dumper_t;
typedef struct pcap_if pcap_if_t;
typedef struct pcap_addr pcap_addr_t;

/*
 * The 24-byte header at the start of a pcap file (host byte order when
 * written; readers detect the order from magic).
 *
 *   0        4       6       8          12         16        20        24
 *   +--------+-------+-------+----------+----------+---------+---------+
 *   | magic  | major | minor | thiszone | sigfigs  | snaplen | linktype|
 *   +--------+-------+-------+----------+----------+---------+---------+
 */
struct pcap_file_header {
	bpf_u_int32 magic;
	u_short version_major;
	u_short version_minor;
	bpf_int32 thiszone; /* always 0 */
	bpf_u_int32 sigfigs; /* always 0 */
	bpf_u_int32 snaplen;
	bpf_u_int32 linktype; /* LINKTYPE_* in bits 0..15, FCS info above */
};

/* The linktype field's upper bits: "FCS length present" and its length
 * in 16-bit words (pcap file format, linktype field). */
#define LT_FCS_LENGTH_PRESENT(x) ((x) & 0x04000000)
#define LT_FCS_LENGTH(x) (((x) & 0xF0000000) >> 28)
#define LT_FCS_DATALINK_EXT(x) ((((x) & 0xF) << 28) | 0x04000000)

typedef enum {
	PCAP_D_INOUT = 0,
	PCAP_D_IN,
	PCAP_D_OUT
} pcap_direction_t;

/* Per-packet header handed to callbacks (not the on-disk record header,
 * whose time stamp has two 32-bit fields). */
struct pcap_pkthdr {
	struct timeval ts;  /* seconds and micro- (or nano-, see precision) seconds */
	bpf_u_int32 caplen; /* bytes present */
	bpf_u_int32 len;    /* bytes on the wire */
};

/* pcap_stats(): counters since activation. */
struct pcap_stat {
	u_int ps_recv;   /* packets the kernel handed to the socket (incl. dropped) */
	u_int ps_drop;   /* packets dropped because the buffer was full */
	u_int ps_ifdrop; /* packets dropped by the interface or driver (0 if unknown) */
};

/* One capture device from pcap_findalldevs(). */
struct pcap_if {
	struct pcap_if *next;
	char *name;
	char *description; /* may be NULL */
	struct pcap_addr *addresses;
	bpf_u_int32 flags; /* PCAP_IF_* */
};

#define PCAP_IF_LOOPBACK 0x00000001
#define PCAP_IF_UP 0x00000002
#define PCAP_IF_RUNNING 0x00000004
#define PCAP_IF_WIRELESS 0x00000008
#define PCAP_IF_CONNECTION_STATUS 0x00000030
#define PCAP_IF_CONNECTION_STATUS_UNKNOWN 0x00000000
#define PCAP_IF_CONNECTION_STATUS_CONNECTED 0x00000010
#define PCAP_IF_CONNECTION_STATUS_DISCONNECTED 0x00000020
#define PCAP_IF_CONNECTION_STATUS_NOT_APPLICABLE 0x00000030

/* One address of a device; any pointer but addr may be NULL. */
struct pcap_addr {
	struct pcap_addr *next;
	struct sockaddr *addr;
	struct sockaddr *netmask;
	struct sockaddr *broadaddr;
	struct sockaddr *dstaddr;
};

typedef void (*pcap_handler)(u_char *user, const struct pcap_pkthdr *h, const u_char *bytes);

/* Error codes (negative) and warnings (positive) from pcap_activate() and others. */
#define PCAP_ERROR -1
#define PCAP_ERROR_BREAK -2
#define PCAP_ERROR_NOT_ACTIVATED -3
#define PCAP_ERROR_ACTIVATED -4
#define PCAP_ERROR_NO_SUCH_DEVICE -5
#define PCAP_ERROR_RFMON_NOTSUP -6
#define PCAP_ERROR_NOT_RFMON -7
#define PCAP_ERROR_PERM_DENIED -8
#define PCAP_ERROR_IFACE_NOT_UP -9
#define PCAP_ERROR_CANTSET_TSTAMP_TYPE -10
#define PCAP_ERROR_PROMISC_PERM_DENIED -11
#define PCAP_ERROR_TSTAMP_PRECISION_NOTSUP -12

#define PCAP_WARNING 1
#define PCAP_WARNING_PROMISC_NOTSUP 2
#define PCAP_WARNING_TSTAMP_TYPE_NOTSUP 3

/* pcap_compile() netmask argument when the netmask is not known. */
#define PCAP_NETMASK_UNKNOWN 0xffffffff

/* pcap_init() options. */
#define PCAP_CHAR_ENC_LOCAL 0x00000000U
#define PCAP_CHAR_ENC_UTF_8 0x00000001U

/* Time stamp types (pcap_set_tstamp_type). */
#define PCAP_TSTAMP_HOST 0
#define PCAP_TSTAMP_HOST_LOWPREC 1
#define PCAP_TSTAMP_HOST_HIPREC 2
#define PCAP_TSTAMP_ADAPTER 3
#define PCAP_TSTAMP_ADAPTER_UNSYNCED 4
#define PCAP_TSTAMP_HOST_HIPREC_UNSYNCED 5

/* Time stamp precision (pcap_set_tstamp_precision). */
#define PCAP_TSTAMP_PRECISION_MICRO 0
#define PCAP_TSTAMP_PRECISION_NANO 1

/* Size of a buffer for pcap_createsrcstr() style strings (remote capture is
 * not provided; the constant is kept for source compatibility). */
#define PCAP_BUF_SIZE 1024

/* ---- library set-up and version ---- */

/* pcap_init - choose the character encoding of error strings
 * (PCAP_CHAR_ENC_LOCAL or PCAP_CHAR_ENC_UTF_8; ringcap's messages are
 * ASCII, so both behave alike).  0, or PCAP_ERROR with errbuf set. */
int pcap_init(unsigned int opts, char *errbuf);

/* pcap_lib_version - "ringcap <version> (libpcap 1.10 compatible)"; static. */
const char *pcap_lib_version(void);

/* ---- opening handles ---- */

/* pcap_create - a not yet activated live handle for device (NULL or "any":
 * all interfaces).  NULL with errbuf set on failure. Free with pcap_close(). */
pcap_t *pcap_create(const char *device, char *errbuf);
/* Options; each returns 0 or PCAP_ERROR_ACTIVATED after activation. */
int pcap_set_snaplen(pcap_t *p, int snaplen);
int pcap_set_promisc(pcap_t *p, int promisc);
int pcap_can_set_rfmon(pcap_t *p);
int pcap_set_rfmon(pcap_t *p, int rfmon);
int pcap_set_timeout(pcap_t *p, int timeout_ms);
int pcap_set_tstamp_type(pcap_t *p, int type);
int pcap_set_immediate_mode(pcap_t *p, int immediate);
int pcap_set_buffer_size(pcap_t *p, int bytes);
int pcap_set_tstamp_precision(pcap_t *p, int precision);
int pcap_get_tstamp_precision(pcap_t *p);
int pcap_set_protocol_linux(pcap_t *p, int protocol);
/* pcap_activate - 0, a positive PCAP_WARNING_* (activated anyway), or a
 * negative PCAP_ERROR_* (not activated; options may be changed and
 * activation retried). */
int pcap_activate(pcap_t *p);

/* Time stamp types supported by an activated or not yet activated handle:
 * *types is malloc'ed, freed with pcap_free_tstamp_types(). Returns the count. */
int pcap_list_tstamp_types(pcap_t *p, int **types);
void pcap_free_tstamp_types(int *types);
int pcap_tstamp_type_name_to_val(const char *name);
const char *pcap_tstamp_type_val_to_name(int type);
const char *pcap_tstamp_type_val_to_description(int type);

/* pcap_open_live - create + set snaplen, promisc, timeout + activate.
 * Warnings from activation are written into errbuf. */
pcap_t *pcap_open_live(const char *device, int snaplen, int promisc, int timeout_ms,
		       char *errbuf);
/* pcap_open_dead - a handle without a source, for pcap_compile() and
 * pcap_dump_open(). */
pcap_t *pcap_open_dead(int linktype, int snaplen);
pcap_t *pcap_open_dead_with_tstamp_precision(int linktype, int snaplen, u_int precision);
/* pcap_open_offline - read a pcap or pcapng file ("-" = stdin). */
pcap_t *pcap_open_offline_with_tstamp_precision(const char *fname, u_int precision,
						char *errbuf);
pcap_t *pcap_open_offline(const char *fname, char *errbuf);
/* pcap_fopen_offline - read from an open stdio stream; the handle owns fp
 * and fcloses it in pcap_close(). */
pcap_t *pcap_fopen_offline_with_tstamp_precision(FILE *fp, u_int precision, char *errbuf);
pcap_t *pcap_fopen_offline(FILE *fp, char *errbuf);

/* pcap_close - release everything; the handle must not be used after. */
void pcap_close(pcap_t *p);

/* ---- reading ---- */

/*
 * pcap_loop / pcap_dispatch - call callback for each packet.  The header
 * and data pointers are valid only during the callback (copy to keep).
 * pcap_loop: until cnt packets (cnt <= 0: forever / end of file); returns 0
 * when done, PCAP_ERROR_BREAK after pcap_breakloop(), PCAP_ERROR on error.
 * pcap_dispatch: at most one buffer's worth (cnt <= 0: all of it); returns
 * the number of packets processed, 0 on timeout or end of file.
 */
int pcap_loop(pcap_t *p, int cnt, pcap_handler callback, u_char *user);
int pcap_dispatch(pcap_t *p, int cnt, pcap_handler callback, u_char *user);
/* pcap_next - next packet or NULL; *h filled.  Data valid until the next
 * read call on p. */
const u_char *pcap_next(pcap_t *p, struct pcap_pkthdr *h);
/* pcap_next_ex - 1 (packet: *pkt_header and *pkt_data valid until the next
 * read call on p), 0 (live timeout), PCAP_ERROR_BREAK (end of file, or
 * breakloop), PCAP_ERROR.  A savefile's damage is PCAP_ERROR once; the
 * call after it is the end of the file. */
int pcap_next_ex(pcap_t *p, struct pcap_pkthdr **pkt_header, const u_char **pkt_data);
/* pcap_breakloop - make the running loop return PCAP_ERROR_BREAK. */
void pcap_breakloop(pcap_t *p);

/* ---- statistics, injection, options after activation ---- */

int pcap_stats(pcap_t *p, struct pcap_stat *ps);
int pcap_setfilter(pcap_t *p, struct bpf_program *fp);
int pcap_setdirection(pcap_t *p, pcap_direction_t d);
int pcap_getnonblock(pcap_t *p, char *errbuf);
int pcap_setnonblock(pcap_t *p, int nonblock, char *errbuf);
/* pcap_inject - bytes sent or PCAP_ERROR; pcap_sendpacket - 0 or PCAP_ERROR. */
int pcap_inject(pcap_t *p, const void *buf, size_t size);
int pcap_sendpacket(pcap_t *p, const u_char *buf, int size);

/* ---- error strings ---- */

const char *pcap_statustostr(int error);
const char *pcap_strerror(int errnum);
/* pcap_geterr - the handle's last error message (owned by the handle). */
char *pcap_geterr(pcap_t *p);
void pcap_perror(pcap_t *p, const char *prefix);

/* ---- filters ---- */

/*
 * pcap_compile - compile a pcap-filter(7) expression for p's link type and
 * snap length into fp (free with pcap_freecode()).  netmask is the IPv4
 * netmask in network byte order as returned by pcap_lookupnet(), or
 * PCAP_NETMASK_UNKNOWN.  0 or PCAP_ERROR (message in pcap_geterr(p)).
 */
int pcap_compile(pcap_t *p, struct bpf_program *fp, const char *str, int optimize,
		 bpf_u_int32 netmask);
int pcap_compile_nopcap(int snaplen, int linktype, struct bpf_program *fp,
			const char *str, int optimize, bpf_u_int32 netmask);
void pcap_freecode(struct bpf_program *fp);
/* pcap_offline_filter - 1 (non-zero) if the packet passes fp, 0 if not. */
int pcap_offline_filter(const struct bpf_program *fp, const struct pcap_pkthdr *h,
			const u_char *pkt);

/* ---- link types ---- */

int pcap_datalink(pcap_t *p);
int pcap_datalink_ext(pcap_t *p);
/* pcap_list_datalinks - *dlt_buf malloc'ed, freed by pcap_free_datalinks(). */
int pcap_list_datalinks(pcap_t *p, int **dlt_buf);
int pcap_set_datalink(pcap_t *p, int dlt);
void pcap_free_datalinks(int *dlt_list);
int pcap_datalink_name_to_val(const char *name);
const char *pcap_datalink_val_to_name(int dlt);
const char *pcap_datalink_val_to_description(int dlt);
const char *pcap_datalink_val_to_description_or_dlt(int dlt);

/* ---- facts about a handle ---- */

int pcap_snapshot(pcap_t *p);
int pcap_is_swapped(pcap_t *p);
int pcap_major_version(pcap_t *p);
int pcap_minor_version(pcap_t *p);
int pcap_bufsize(pcap_t *p);
/* pcap_file - a savefile's stdio stream (pcap_fopen_offline()'s, stdin for
 * "-", else one on the file), NULL for other handles.  From the first call
 * on, a pcap file's handle reads each record from it: the stream is at the
 * end of the last record read, and an fseek() chooses the next one.  A
 * pcapng file, or a pipe, is read as before (docs/compat.md). */
FILE *pcap_file(pcap_t *p);
int pcap_fileno(pcap_t *p);
int pcap_get_selectable_fd(pcap_t *p);
const struct timeval *pcap_get_required_select_timeout(pcap_t *p);

/* ---- writing savefiles ---- */

/*
 * pcap_dump_open - write a pcap file ("-" = stdout) with p's link type,
 * snap length and time stamp precision.  Always the pcap format, whatever
 * the file name.  pcap_dump() takes the dumper cast to u_char * as its first
 * argument so that it can be passed to pcap_loop() directly.
 */
pcap_dumper_t *pcap_dump_open(pcap_t *p, const char *fname);
/* pcap_dump_fopen - write to an open stream; pcap_dump_close() fcloses it. */
pcap_dumper_t *pcap_dump_fopen(pcap_t *p, FILE *fp);
/* pcap_dump_open_append - append to an existing pcap file whose link
 * type, snap length and precision match (a missing file is created). */
pcap_dumper_t *pcap_dump_open_append(pcap_t *p, const char *fname);
FILE *pcap_dump_file(pcap_dumper_t *d);
long pcap_dump_ftell(pcap_dumper_t *d);
int64_t pcap_dump_ftell64(pcap_dumper_t *d);
int pcap_dump_flush(pcap_dumper_t *d);
void pcap_dump_close(pcap_dumper_t *d);
void pcap_dump(u_char *user, const struct pcap_pkthdr *h, const u_char *sp);

/* ---- devices ---- */

/* pcap_findalldevs - list of devices (*alldevsp may be NULL if none);
 * free with pcap_freealldevs().  0 or PCAP_ERROR with errbuf set. */
int pcap_findalldevs(pcap_if_t **alldevsp, char *errbuf);
void pcap_freealldevs(pcap_if_t *alldevs);
/* pcap_lookupdev - deprecated: name of the first device (static storage). */
char *pcap_lookupdev(char *errbuf);
/* pcap_lookupnet - network number and netmask (network byte order) of the
 * device's first IPv4 address. */
int pcap_lookupnet(const char *device, bpf_u_int32 *netp, bpf_u_int32 *maskp, char *errbuf);

#ifdef __cplusplus
}
#endif
#endif /* lib_pcap_pcap_h */
