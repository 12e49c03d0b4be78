/*
 * dump.c - -d, -dd, -ddd (see dump.h).  The program is compiled for the
 * packets it would filter, chosen as tcpdump chooses:
 *
 *   -r FILE   the first file's link type (-y overrides it) and snap length
 *   -i IFACE  the first device, opened and activated as live capture opens
 *             it (-s, -y LINUX_SLL2), so the program is the one live capture
 *             attaches: its link type, snap length and IPv4 netmask, for a
 *             Linux socket; needs CAP_NET_RAW, as tcpdump's does
 *   neither   -y TYPE, else Ethernet with a warning; -s or 262144 bytes
 */
#include "dump.h"

#include <arpa/inet.h>
#include <stdlib.h>

#include "live.h"
#include "offline.h"
#include "ringcap/capture.h"
#include "ringcap/device.h"
#include "ringcap/file.h"
#include "ringcap/filter.h"

/* What the program is compiled for (rc_filter_compile's arguments). */
struct target {
	int linktype;
	uint32_t snaplen_bytes;
	uint32_t netmask; /* host byte order; 0 when unknown, as tcpdump -r passes */
	int linux_live;   /* for a live packet socket (rc_filter_opts.linux_live) */
};

static int file_target(const struct rc__cli_opts *o, struct target *t)
{
	rc_reader *r;
	char err[RC_ERRBUF_SIZE];
	if (rc_reader_open(&r, o->inputs[0], NULL, err) < 0) {
		fprintf(stderr, "ringcap: %s\n", err);
		return -1;
	}
	rc__print_reading(r, o->inputs[0]);
	t->linktype = o->dump_linktype >= 0 ? o->dump_linktype : rc_reader_linktype(r);
	if (rc_reader_snaplen(r))
		t->snaplen_bytes = rc_reader_snaplen(r);
	rc_reader_close(r);
	return 0;
}

/* Open and activate a capture on dev as live.c's configure does for -s and
 * -y; no packet is read, so the ring is the smallest there is. */
static int open_device(const struct rc__cli_opts *o, const char *dev, rc_capture **out)
{
	char err[RC_ERRBUF_SIZE];
	rc_capture *c;
	int st = rc_capture_create(&c, dev, err);
	if (st < 0) {
		fprintf(stderr, "ringcap: %s\n", err);
		return -1;
	}
	if (o->live.snaplen_bytes)
		st = rc_capture_set_snaplen(c, (uint32_t)o->live.snaplen_bytes);
	if (st == 0 && o->dump_linktype == RC_LINKTYPE_LINUX_SLL2)
		st = rc_capture_set_cooked(c, 1);
	if (st == 0)
		st = rc_capture_set_ring_size(c, 64 * 1024);
	if (st == 0)
		st = rc_capture_activate(c);
	if (st == RC_ENODEV)
		rc__live_no_such_device(dev);
	else if (st < 0)
		fprintf(stderr, "ringcap: %s\n", rc_capture_error(c));
	if (st < 0) {
		rc_capture_close(c);
		return -1;
	}
	*out = c;
	return 0;
}

static int device_target(const struct rc__cli_opts *o, struct target *t)
{
	const char *dev = o->live.ifaces[0];
	rc_capture *c;
	if (open_device(o, dev, &c) < 0)
		return -1;
	t->linktype = rc_capture_linktype(c);
	t->snaplen_bytes = rc_capture_snaplen(c);
	t->linux_live = 1;
	rc_capture_close(c);
	int want = o->dump_linktype;
	if (want >= 0 && want != t->linktype) {
		const char *name = rc_linktype_name(want), *has = rc_linktype_name(t->linktype);
		fprintf(stderr, "ringcap: %s: -y %s: the device captures as %s or LINUX_SLL2 (see -L)\n",
			dev, name ? name : "?", has ? has : "?");
		return -1;
	}
	uint32_t net, mask;
	if (rc_device_lookup_net(dev, &net, &mask, NULL) == 0)
		t->netmask = ntohl(mask);
	return 0;
}

static void default_target(const struct rc__cli_opts *o, struct target *t)
{
	t->linktype = o->dump_linktype;
	if (t->linktype < 0) {
		fprintf(stderr, "ringcap: warning: assuming Ethernet (no -r, -i or -y)\n");
		t->linktype = RC_LINKTYPE_ETHERNET;
	}
	if (o->live.snaplen_bytes)
		t->snaplen_bytes = (uint32_t)o->live.snaplen_bytes;
}

/* Compile expr for t and print it; an exit code. */
static int dump(const struct rc__cli_opts *o, const char *expr, const struct target *t)
{
	rc_filter_opts fo = { .optimize = !o->no_optimize, .linux_live = t->linux_live, .resolve_names = 1 };
	rc_bpf_prog prog;
	char err[RC_ERRBUF_SIZE];
	if (rc_filter_compile(&prog, expr, t->linktype, t->snaplen_bytes, t->netmask, &fo, err) < 0) {
		rc__filter_error(stderr, expr, err);
		return RC_EXIT_ERROR;
	}
	/* RC_EIO is a write error, which rc__ob_stdio_done names at exit. */
	int r = rc_bpf_dump(stdout, prog.insns, prog.len, o->dump_style > 3 ? 3 : o->dump_style);
	rc_bpf_prog_free(&prog);
	return r < 0 ? RC_EXIT_ERROR : RC_EXIT_OK;
}

int rc__run_dump(const struct rc__cli_opts *o)
{
	struct target t = { .linktype = -1, .snaplen_bytes = RC_CAPTURE_DEFAULT_SNAPLEN };
	char *file_expr = NULL;
	const char *expr = o->filter_expr ? o->filter_expr : "";
	if (o->filter_file) {
		file_expr = rc__cli_read_filter_file(o->filter_file);
		if (!file_expr)
			return RC_EXIT_ERROR;
		expr = file_expr;
	}
	int st = 0;
	if (o->ninputs)
		st = file_target(o, &t);
	else if (o->live.nifaces)
		st = device_target(o, &t);
	else
		default_target(o, &t);
	int code = st < 0 ? RC_EXIT_ERROR : dump(o, expr, &t);
	free(file_expr);
	return code;
}
