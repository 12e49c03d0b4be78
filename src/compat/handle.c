/*
 * handle.c - the kind-independent part of pcap_t: creation and options
 * (pcap_create, pcap_set_*, pcap_activate, pcap_open_live, pcap_open_dead),
 * reading (pcap_loop, pcap_dispatch, pcap_next, pcap_next_ex,
 * pcap_breakloop), and the per-handle facts and settings (datalink,
 * snapshot, stats, inject, direction, non-blocking mode, ...).
 *
 * Operations that depend on the kind of handle go through p->ops (see
 * pcap_int.h); a NULL entry means "not possible for this kind" and gets
 * libpcap's message for that case.  Return codes follow the libpcap 1.10
 * man pages: PCAP_ERROR_NOT_ACTIVATED for an operation that needs an
 * activated handle, PCAP_ERROR_ACTIVATED for an option set too late.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "compat/pcap_int.h"

pcap_t *rc__pcap_alloc(const struct rc__pcap_ops *ops, char *errbuf)
{
	pcap_t *p = calloc(1, sizeof(*p));

	if (!p) {
		if (errbuf)
			snprintf(errbuf, PCAP_ERRBUF_SIZE, "malloc: %s", strerror(ENOMEM));
		return NULL;
	}
	p->ops = ops;
	p->opt.tstamp_precision = PCAP_TSTAMP_PRECISION_MICRO;
	p->tstamp_precision = PCAP_TSTAMP_PRECISION_MICRO;
	p->direction = PCAP_D_INOUT;
	return p;
}

/* ---- creation and options ---- */

pcap_t *pcap_create(const char *device, char *errbuf)
{
	pcap_t *p = rc__pcap_alloc(&rc__pcap_live_ops, errbuf);

	if (!p)
		return NULL;
	/* NULL means all interfaces, as "any" does. */
	p->device = strdup(device ? device : "any");
	if (!p->device) {
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "malloc: %s", strerror(ENOMEM));
		free(p);
		return NULL;
	}
	return p;
}

/* Options can only be changed before activation (pcap_check_activated). */
static int rc__pcap_too_late(pcap_t *p)
{
	if (!p->activated)
		return 0;
	/* libpcap's message, including its double space. */
	rc__pcap_err(p, PCAP_ERROR_ACTIVATED, "can't perform  operation on activated capture");
	return 1;
}

int pcap_set_snaplen(pcap_t *p, int snaplen)
{
	if (rc__pcap_too_late(p))
		return PCAP_ERROR_ACTIVATED;
	p->opt.snaplen = snaplen;
	return 0;
}

int pcap_set_promisc(pcap_t *p, int promisc)
{
	if (rc__pcap_too_late(p))
		return PCAP_ERROR_ACTIVATED;
	p->opt.promisc = promisc;
	return 0;
}

int pcap_can_set_rfmon(pcap_t *p)
{
	if (p->ops == &rc__pcap_dead_ops)
		return rc__pcap_err(p, PCAP_ERROR,
				    "Rfmon mode doesn't apply on a pcap_open_dead pcap_t");
	/* Monitor mode needs mac80211 reconfiguration, which ringcap does
	 * not do: no device "can" be put into it. */
	return 0;
}

int pcap_set_rfmon(pcap_t *p, int rfmon)
{
	if (rc__pcap_too_late(p))
		return PCAP_ERROR_ACTIVATED;
	p->opt.rfmon = rfmon;
	return 0;
}

int pcap_set_timeout(pcap_t *p, int timeout_ms)
{
	if (rc__pcap_too_late(p))
		return PCAP_ERROR_ACTIVATED;
	p->opt.timeout_ms = timeout_ms;
	return 0;
}

int pcap_set_tstamp_type(pcap_t *p, int type)
{
	if (rc__pcap_too_late(p))
		return PCAP_ERROR_ACTIVATED;
	if (type < 0)
		return rc__pcap_err(p, PCAP_WARNING_TSTAMP_TYPE_NOTSUP,
				    "Invalid time stamp type %d", type);
	/* Host time stamps are the only type offered (see
	 * pcap_list_tstamp_types); others are a warning, as in libpcap. */
	if (type != PCAP_TSTAMP_HOST)
		return PCAP_WARNING_TSTAMP_TYPE_NOTSUP;
	return 0; /* host time stamps are what every handle gets */
}

int pcap_set_immediate_mode(pcap_t *p, int immediate)
{
	if (rc__pcap_too_late(p))
		return PCAP_ERROR_ACTIVATED;
	p->opt.immediate = immediate;
	return 0;
}

int pcap_set_buffer_size(pcap_t *p, int bytes)
{
	if (rc__pcap_too_late(p))
		return PCAP_ERROR_ACTIVATED;
	/* Non-positive sizes are ignored (libpcap keeps its default). */
	if (bytes > 0)
		p->opt.buffer_bytes = bytes;
	return 0;
}

int pcap_set_tstamp_precision(pcap_t *p, int precision)
{
	if (rc__pcap_too_late(p))
		return PCAP_ERROR_ACTIVATED;
	if (precision != PCAP_TSTAMP_PRECISION_MICRO && precision != PCAP_TSTAMP_PRECISION_NANO)
		return rc__pcap_err(p, PCAP_ERROR_TSTAMP_PRECISION_NOTSUP,
				    "time stamp precision %d is not supported", precision);
	p->opt.tstamp_precision = precision;
	p->tstamp_precision = precision;
	return 0;
}

int pcap_get_tstamp_precision(pcap_t *p)
{
	return p->tstamp_precision;
}

int pcap_set_protocol_linux(pcap_t *p, int protocol)
{
	if (rc__pcap_too_late(p))
		return PCAP_ERROR_ACTIVATED;
	p->opt.protocol = protocol;
	return 0;
}

int pcap_list_tstamp_types(pcap_t *p, int **types)
{
	*types = malloc(sizeof(**types));
	if (!*types)
		return rc__pcap_err(p, PCAP_ERROR, "malloc: %s", strerror(ENOMEM));
	(*types)[0] = PCAP_TSTAMP_HOST;
	return 1;
}

void pcap_free_tstamp_types(int *types)
{
	free(types);
}

int pcap_activate(pcap_t *p)
{
	int status;

	if (rc__pcap_too_late(p))
		return PCAP_ERROR_ACTIVATED;
	p->errbuf[0] = '\0';
	status = rc__pcap_live_activate(p);
	if (status < 0 && p->errbuf[0] == '\0')
		rc__pcap_err(p, status, "%s: %s", p->device, pcap_statustostr(status));
	return status;
}

pcap_t *pcap_open_live(const char *device, int snaplen, int promisc, int timeout_ms,
		       char *errbuf)
{
	pcap_t *p = pcap_create(device, errbuf);
	int status;

	if (!p)
		return NULL;
	pcap_set_snaplen(p, snaplen);
	pcap_set_promisc(p, promisc);
	pcap_set_timeout(p, timeout_ms);
	status = pcap_activate(p);
	if (status < 0) {
		/* The same shapes as libpcap's pcap_open_live(). */
		if (status == PCAP_ERROR)
			snprintf(errbuf, PCAP_ERRBUF_SIZE, "%s: %.*s", p->device,
				 PCAP_ERRBUF_SIZE - 3, p->errbuf);
		else if (status == PCAP_ERROR_NO_SUCH_DEVICE || status == PCAP_ERROR_PERM_DENIED ||
			 status == PCAP_ERROR_PROMISC_PERM_DENIED)
			snprintf(errbuf, PCAP_ERRBUF_SIZE, "%s: %s (%.*s)", p->device,
				 pcap_statustostr(status), PCAP_ERRBUF_SIZE - 6, p->errbuf);
		else
			snprintf(errbuf, PCAP_ERRBUF_SIZE, "%s: %s", p->device,
				 pcap_statustostr(status));
		pcap_close(p);
		return NULL;
	}
	if (status > 0 && errbuf)
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "%s", p->errbuf);
	return p;
}

pcap_t *pcap_open_dead_with_tstamp_precision(int linktype, int snaplen, u_int precision)
{
	pcap_t *p = rc__pcap_alloc(&rc__pcap_dead_ops, NULL);

	if (!p)
		return NULL;
	p->linktype = linktype;
	p->snapshot = snaplen;
	p->tstamp_precision = precision == PCAP_TSTAMP_PRECISION_NANO
				      ? PCAP_TSTAMP_PRECISION_NANO : PCAP_TSTAMP_PRECISION_MICRO;
	p->opt.tstamp_precision = p->tstamp_precision;
	p->activated = 1;
	return p;
}

pcap_t *pcap_open_dead(int linktype, int snaplen)
{
	return pcap_open_dead_with_tstamp_precision(linktype, snaplen,
						    PCAP_TSTAMP_PRECISION_MICRO);
}

void pcap_close(pcap_t *p)
{
	if (!p)
		return;
	if (p->ops->cleanup)
		p->ops->cleanup(p);
	free(p->filter);
	free(p->device);
	free(p);
}

/* ---- reading ---- */

static int rc__pcap_not_activated(pcap_t *p)
{
	return rc__pcap_err(p, PCAP_ERROR_NOT_ACTIVATED, "This handle hasn't been activated yet");
}

int pcap_dispatch(pcap_t *p, int cnt, pcap_handler callback, u_char *user)
{
	if (!p->activated)
		return rc__pcap_not_activated(p);
	if (!p->ops->read)
		return rc__pcap_err(p, PCAP_ERROR, "Packets aren't available from a pcap_open_dead pcap_t");
	return p->ops->read(p, cnt, callback, user);
}

int pcap_loop(pcap_t *p, int cnt, pcap_handler callback, u_char *user)
{
	int n;

	if (!p->activated)
		return rc__pcap_not_activated(p);
	if (!p->ops->read)
		return rc__pcap_err(p, PCAP_ERROR, "Packets aren't available from a pcap_open_dead pcap_t");
	for (;;) {
		/* A live read that timed out (0) is simply repeated; a savefile
		 * read returns 0 only at its end. */
		do {
			n = p->ops->read(p, cnt, callback, user);
		} while (n == 0 && p->ops == &rc__pcap_live_ops);
		if (n <= 0)
			return n;
		if (cnt > 0) {
			cnt -= n;
			if (cnt <= 0)
				return 0;
		}
	}
}

int pcap_next_ex(pcap_t *p, struct pcap_pkthdr **pkt_header, const u_char **pkt_data)
{
	if (!p->activated)
		return rc__pcap_not_activated(p);
	if (!p->ops->next)
		return rc__pcap_err(p, PCAP_ERROR, "Packets aren't available from a pcap_open_dead pcap_t");
	*pkt_header = &p->next_hdr;
	return p->ops->next(p, &p->next_hdr, pkt_data);
}

const u_char *pcap_next(pcap_t *p, struct pcap_pkthdr *h)
{
	struct pcap_pkthdr *hp = NULL; /* set by pcap_next_ex whenever it returns 1 */
	const u_char *data;

	if (pcap_next_ex(p, &hp, &data) != 1)
		return NULL;
	*h = *hp;
	return data;
}

void pcap_breakloop(pcap_t *p)
{
	p->break_loop = 1;
	if (p->ops->breakloop)
		p->ops->breakloop(p);
}

/* ---- settings and facts after activation ---- */

int pcap_stats(pcap_t *p, struct pcap_stat *ps)
{
	if (!p->activated)
		return rc__pcap_not_activated(p);
	if (!p->ops->stats)
		return rc__pcap_err(p, PCAP_ERROR, p->ops == &rc__pcap_dead_ops
				    ? "Statistics aren't available from a pcap_open_dead pcap_t"
				    : "Statistics aren't available from savefiles");
	return p->ops->stats(p, ps);
}

int pcap_inject(pcap_t *p, const void *buf, size_t size)
{
	if (!p->activated)
		return rc__pcap_not_activated(p);
	if (!p->ops->inject)
		return rc__pcap_err(p, PCAP_ERROR, p->ops == &rc__pcap_dead_ops
				    ? "Packets can't be sent on a pcap_open_dead pcap_t"
				    : "Sending packets isn't supported on savefiles");
	return p->ops->inject(p, buf, size);
}

int pcap_sendpacket(pcap_t *p, const u_char *buf, int size)
{
	if (size <= 0)
		return rc__pcap_err(p, PCAP_ERROR, "The number of bytes to be sent must be positive");
	return pcap_inject(p, buf, (size_t)size) < 0 ? PCAP_ERROR : 0;
}

int pcap_setdirection(pcap_t *p, pcap_direction_t d)
{
	if (!p->activated)
		return rc__pcap_not_activated(p);
	if (!p->ops->setdirection)
		return rc__pcap_err(p, PCAP_ERROR, p->ops == &rc__pcap_dead_ops
				    ? "The packet direction cannot be set on a pcap_open_dead pcap_t"
				    : "Setting direction is not supported on savefiles");
	if (d != PCAP_D_INOUT && d != PCAP_D_IN && d != PCAP_D_OUT)
		return rc__pcap_err(p, PCAP_ERROR, "Invalid direction");
	return p->ops->setdirection(p, d);
}

int pcap_getnonblock(pcap_t *p, char *errbuf)
{
	if (!p->activated)
		return rc__pcap_not_activated(p);
	/* As libpcap, a failure's message goes to both errbuf and pcap_geterr(). */
	if (p->ops == &rc__pcap_dead_ops) {
		rc__pcap_err(p, PCAP_ERROR, "A pcap_open_dead pcap_t does not have a non-blocking mode setting");
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "%s", p->errbuf);
		return PCAP_ERROR;
	}
	/* Savefiles never block; live handles report the setting. */
	return p->ops == &rc__pcap_live_ops ? p->opt.nonblock : 0;
}

int pcap_setnonblock(pcap_t *p, int nonblock, char *errbuf)
{
	int rc;

	/* As libpcap, a failure's message goes to both errbuf and pcap_geterr(). */
	if (p->ops == &rc__pcap_dead_ops || p->ops == &rc__pcap_offline_ops) {
		rc__pcap_err(p, PCAP_ERROR, "%s", p->ops == &rc__pcap_dead_ops
			     ? "A pcap_open_dead pcap_t does not have a non-blocking mode setting"
			     : "Savefiles cannot be put into non-blocking mode");
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "%s", p->errbuf);
		return PCAP_ERROR;
	}
	if (!p->activated) {
		/* Remembered and applied by pcap_activate(). */
		p->opt.nonblock = nonblock != 0;
		return 0;
	}
	rc = p->ops->setnonblock(p, nonblock != 0);
	if (rc < 0) {
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "%s", p->errbuf);
		return PCAP_ERROR;
	}
	p->opt.nonblock = nonblock != 0;
	return 0;
}

int pcap_datalink(pcap_t *p)
{
	return p->activated ? p->linktype : PCAP_ERROR_NOT_ACTIVATED;
}

int pcap_datalink_ext(pcap_t *p)
{
	return p->activated ? p->linktype_ext : PCAP_ERROR_NOT_ACTIVATED;
}

/* The link types p offers: its own, or for "any" both cooked headers
 * (rc__pcap_live_datalinks).  Returns the count. */
static int rc__pcap_datalinks(const pcap_t *p, int dlts[2])
{
	if (p->activated && p->ops == &rc__pcap_live_ops)
		return rc__pcap_live_datalinks(p, dlts);
	dlts[0] = p->linktype;
	return 1;
}

int pcap_list_datalinks(pcap_t *p, int **dlt_buf)
{
	int dlts[2], n;

	if (!p->activated)
		return PCAP_ERROR_NOT_ACTIVATED;
	n = rc__pcap_datalinks(p, dlts);
	*dlt_buf = malloc((size_t)n * sizeof(**dlt_buf));
	if (!*dlt_buf)
		return rc__pcap_err(p, PCAP_ERROR, "malloc: %s", strerror(ENOMEM));
	memcpy(*dlt_buf, dlts, (size_t)n * sizeof(**dlt_buf));
	return n;
}

void pcap_free_datalinks(int *dlt_list)
{
	free(dlt_list);
}

int pcap_set_datalink(pcap_t *p, int dlt)
{
	const char *name;
	int dlts[2], n = rc__pcap_datalinks(p, dlts);

	if (dlt == p->linktype)
		return 0;
	for (int i = 0; i < n; i++)
		if (dlts[i] == dlt)
			return rc__pcap_live_set_datalink(p, dlt);
	name = pcap_datalink_val_to_name(dlt);
	if (name)
		return rc__pcap_err(p, PCAP_ERROR,
				    "%s is not one of the DLTs supported by this device", name);
	return rc__pcap_err(p, PCAP_ERROR,
			    "DLT %d is not one of the DLTs supported by this device", dlt);
}

int pcap_snapshot(pcap_t *p)
{
	return p->activated ? p->snapshot : PCAP_ERROR_NOT_ACTIVATED;
}

int pcap_is_swapped(pcap_t *p)
{
	return p->activated ? p->swapped : PCAP_ERROR_NOT_ACTIVATED;
}

int pcap_major_version(pcap_t *p)
{
	return p->activated ? p->version_major : PCAP_ERROR_NOT_ACTIVATED;
}

int pcap_minor_version(pcap_t *p)
{
	return p->activated ? p->version_minor : PCAP_ERROR_NOT_ACTIVATED;
}

int pcap_bufsize(pcap_t *p)
{
	if (!p->activated)
		return PCAP_ERROR_NOT_ACTIVATED;
	/* live: the ring size in use (live.c); savefiles: libpcap's record
	 * buffer, see rc__offline_grow_bufsize */
	return p->ops == &rc__pcap_dead_ops ? 0 : p->bufsize;
}

FILE *pcap_file(pcap_t *p)
{
	/* libpcap's is the savefile's FILE, NULL for other handles. */
	return p->ops == &rc__pcap_offline_ops ? rc__offline_file(p) : NULL;
}

int pcap_fileno(pcap_t *p)
{
	/* libpcap 1.10 reports a descriptor only for live captures (its
	 * savefiles have fd -1); pcap_get_selectable_fd() covers both. */
	if (p->ops != &rc__pcap_live_ops)
		return -1;
	return p->ops->selectable_fd(p);
}

int pcap_get_selectable_fd(pcap_t *p)
{
	return p->ops->selectable_fd ? p->ops->selectable_fd(p) : -1;
}

const struct timeval *pcap_get_required_select_timeout(pcap_t *p)
{
	/* ringcap's descriptors become readable when packets are there (the
	 * ring's block retire timeout wakes poll), so no extra timeout is
	 * ever required. */
	(void)p;
	return NULL;
}

/* ---- the dead kind: no source at all ---- */

const struct rc__pcap_ops rc__pcap_dead_ops = { 0 };
