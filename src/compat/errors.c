/*
 * errors.c - error strings, version strings and the handle's message
 * (pcap_geterr, pcap_perror, pcap_statustostr, pcap_strerror,
 * pcap_lib_version, pcap_init) and the mapping of ringcap status codes to
 * libpcap's PCAP_ERROR_* codes.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define RC_PCAP_ERR_IMPL /* defines rc__pcap_err: not the analyzer macro */
#include "compat/pcap_int.h"

/*
 * libpcap exports its version as a writable data symbol.  A program that
 * refers to it gets a copy relocation sized by the library it was linked
 * against (7 bytes for Debian's "1.10.3"), so the string keeps that size.
 * It names the libpcap release whose ABI this library reproduces;
 * pcap_lib_version() says that the implementation is ringcap.
 */
char pcap_version[] = "1.10.3";

const char *pcap_lib_version(void)
{
	return "ringcap " RC_VERSION " (libpcap 1.10 compatible)";
}

/* pcap_init() state: once called, the encoding is fixed and the
 * deprecated pcap_lookupdev() refuses to work (libpcap 1.10 rules). */
static int rc__pcap_initialized, rc__pcap_utf8;

int rc__pcap_new_api(void)
{
	return rc__pcap_initialized;
}

int pcap_init(unsigned int opts, char *errbuf)
{
	int utf8;

	/* ringcap's messages are plain ASCII, valid in either encoding. */
	if (opts == PCAP_CHAR_ENC_LOCAL) {
		utf8 = 0;
	} else if (opts == PCAP_CHAR_ENC_UTF_8) {
		utf8 = 1;
	} else {
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "Unknown options specified");
		return PCAP_ERROR;
	}
	if (rc__pcap_initialized && utf8 != rc__pcap_utf8) {
		snprintf(errbuf, PCAP_ERRBUF_SIZE,
			 "Multiple pcap_init calls with different character encodings");
		return PCAP_ERROR;
	}
	rc__pcap_utf8 = utf8;
	rc__pcap_initialized = 1;
	return 0;
}

const char *pcap_strerror(int errnum)
{
	/* glibc's strerror() is thread-safe for known values; unknown ones
	 * format into a thread-local buffer. */
	return strerror(errnum);
}

const char *pcap_statustostr(int error)
{
	static __thread char unknown[32];

	switch (error) {
	case PCAP_WARNING: return "Generic warning";
	case PCAP_WARNING_TSTAMP_TYPE_NOTSUP:
		return "That type of time stamp is not supported by that device";
	case PCAP_WARNING_PROMISC_NOTSUP: return "That device doesn't support promiscuous mode";
	case PCAP_ERROR: return "Generic error";
	case PCAP_ERROR_BREAK: return "Loop terminated by pcap_breakloop";
	case PCAP_ERROR_NOT_ACTIVATED: return "The pcap_t has not been activated";
	case PCAP_ERROR_ACTIVATED:
		return "The setting can't be changed after the pcap_t is activated";
	case PCAP_ERROR_NO_SUCH_DEVICE: return "No such device exists";
	case PCAP_ERROR_RFMON_NOTSUP: return "That device doesn't support monitor mode";
	case PCAP_ERROR_NOT_RFMON: return "That operation is supported only in monitor mode";
	case PCAP_ERROR_PERM_DENIED:
		return "You don't have permission to perform this capture on that device";
	case PCAP_ERROR_IFACE_NOT_UP: return "That device is not up";
	case PCAP_ERROR_CANTSET_TSTAMP_TYPE:
		return "That device doesn't support setting the time stamp type";
	case PCAP_ERROR_PROMISC_PERM_DENIED:
		return "You don't have permission to capture in promiscuous mode on that device";
	case PCAP_ERROR_TSTAMP_PRECISION_NOTSUP:
		return "That device doesn't support that time stamp precision";
	}
	snprintf(unknown, sizeof(unknown), "Unknown error: %d", error);
	return unknown;
}

char *pcap_geterr(pcap_t *p)
{
	return p->errbuf;
}

void pcap_perror(pcap_t *p, const char *prefix)
{
	fprintf(stderr, "%s: %s\n", prefix, p->errbuf);
}

int rc__pcap_err(pcap_t *p, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(p->errbuf, sizeof(p->errbuf), fmt, ap);
	va_end(ap);
	return status;
}

int rc__pcap_status(int rc_status)
{
	switch (rc_status) {
	case RC_OK: return 0;
	case RC_EBREAK: return PCAP_ERROR_BREAK;
	case RC_EPERM: return PCAP_ERROR_PERM_DENIED;
	case RC_ENODEV: return PCAP_ERROR_NO_SUCH_DEVICE;
	case RC_ENETDOWN: return PCAP_ERROR_IFACE_NOT_UP;
	default: return PCAP_ERROR;
	}
}
