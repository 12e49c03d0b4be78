/*
 * live_devices.c - -D (tcpdump's interface list), -J (time stamp types of
 * a device), -L (link types of a device) and the "no such device" message
 * that names the valid ones.
 */
#include "live.h"

#include <arpa/inet.h>
#include <linux/ethtool.h>
#include <linux/net_tstamp.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "offline.h"
#include "ringcap/capture.h"
#include "ringcap/device.h"
#include "ringcap/linktype.h"

/* tcpdump -D's bracket: set bits among Up, Running, Loopback, Wireless
 * ("none" if none), then the connection status; nothing if nothing is known. */
static void print_flags(const rc_device *d)
{
	static const struct {
		unsigned bit;
		const char *name;
	} bits[] = {
		{ RC_DEVICE_UP, "Up" },
		{ RC_DEVICE_RUNNING, "Running" },
		{ RC_DEVICE_LOOPBACK, "Loopback" },
		{ RC_DEVICE_WIRELESS, "Wireless" },
	};
	static const char *const wired[] = { ", Connection status unknown", ", Connected",
					     ", Disconnected", "" };
	static const char *const wireless[] = { ", Association status unknown", ", Associated",
						", Not associated", "" };
	const char *sep = "";
	if (d->flags == 0 && d->connection == RC_DEVICE_CONN_UNKNOWN)
		return;
	printf(" [");
	for (size_t i = 0; i < sizeof(bits) / sizeof(bits[0]); i++)
		if (d->flags & bits[i].bit) {
			printf("%s%s", sep, bits[i].name);
			sep = ", ";
		}
	if (!*sep)
		printf("none");
	if (d->connection >= 0 && d->connection <= RC_DEVICE_CONN_NOT_APPLICABLE)
		printf("%s", (d->flags & RC_DEVICE_WIRELESS ? wireless : wired)[d->connection]);
	printf("]");
}

/* With -v: the addresses under each device, as "    inet 10.0.0.1/24". */
static void print_addresses(const rc_device *d)
{
	char a[INET6_ADDRSTRLEN];
	for (const rc_device_addr *x = d->addresses; x; x = x->next) {
		const void *bytes = x->addr->sa_family == AF_INET
					    ? (const void *)&((const struct sockaddr_in *)(const void *)x->addr)->sin_addr
					    : (const void *)&((const struct sockaddr_in6 *)(const void *)x->addr)->sin6_addr;
		if (!inet_ntop(x->addr->sa_family, bytes, a, sizeof(a)))
			continue;
		printf("    %s %s/%u\n", x->addr->sa_family == AF_INET ? "inet" : "inet6", a,
		       x->prefix_len);
	}
}

int rc__live_list_devices(const struct rc__cli_opts *o)
{
	char err[RC_ERRBUF_SIZE];
	rc_device *list;
	if (rc_device_list(&list, err) < 0) {
		fprintf(stderr, "ringcap: cannot list interfaces: %s\n", err);
		return RC_EXIT_ERROR;
	}
	int n = 1;
	for (const rc_device *d = list; d; d = d->next, n++) {
		printf("%d.%s", n, d->name);
		if (d->description)
			printf(" (%s)", d->description);
		print_flags(d);
		printf("\n");
		if (o->print.vflag)
			print_addresses(d);
	}
	rc_device_list_free(list);
	return RC_EXIT_OK; /* write errors show at exit (rc__ob_stdio_done) */
}

/*
 * tcpdump 4.99 without -i captures on the first device pcap_findalldevs
 * lists, an order that puts up-and-running devices first and loopback
 * ones last (rc_device_list keeps it): the first device that is up, is
 * not loopback and is not "any" (whose cooked link type no one asked
 * for); else the first loopback one that is up.
 */
int rc__live_default_device(char *name, size_t len)
{
	char err[RC_ERRBUF_SIZE];
	rc_device *list;
	if (rc_device_list(&list, err) < 0) {
		fprintf(stderr, "ringcap: cannot list interfaces: %s\n", err);
		return RC_EXIT_ERROR;
	}
	const rc_device *pick = NULL, *loop = NULL;
	for (const rc_device *d = list; d && !pick; d = d->next) {
		if (!(d->flags & RC_DEVICE_UP) || d->ifindex == 0)
			continue;
		if (!(d->flags & RC_DEVICE_LOOPBACK))
			pick = d;
		else if (!loop)
			loop = d;
	}
	if (!pick)
		pick = loop;
	if (pick)
		snprintf(name, len, "%s", pick->name);
	rc_device_list_free(list);
	if (!pick) {
		fprintf(stderr, "ringcap: no interfaces available for capture (see ringcap -D)\n");
		return RC_EXIT_ERROR;
	}
	return RC_EXIT_OK;
}

void rc__live_no_such_device(const char *name)
{
	char err[RC_ERRBUF_SIZE];
	rc_device *list;
	fprintf(stderr, "ringcap: %s: no such device", name);
	if (rc_device_list(&list, err) >= 0) {
		const char *sep = "; available: ";
		for (const rc_device *d = list; d; d = d->next) {
			fprintf(stderr, "%s%s", sep, d->name);
			sep = ", ";
		}
		rc_device_list_free(list);
	}
	fprintf(stderr, " (see ringcap -D)\n");
}

/* The device called name in *d (free with rc_device_list_free), or an
 * exit code after saying why not. */
static int get_device(const char *name, rc_device **d)
{
	char err[RC_ERRBUF_SIZE];
	int st = rc_device_get(name, d, err);
	if (st == RC_ENODEV) {
		rc__live_no_such_device(name);
		return RC_EXIT_ERROR;
	}
	if (st < 0) {
		fprintf(stderr, "ringcap: %s\n", err);
		return RC_EXIT_ERROR;
	}
	return RC_EXIT_OK;
}

/* 1 if -j adapter_unsynced works on name: the NIC stamps every received
 * packet with its own clock.  The same test as rc_capture_activate's
 * (src/capture/capture.c, hw_tstamps); ETHTOOL_GET_TS_INFO needs no
 * privilege, so -J asks without opening a capture. */
static int has_hw_tstamps(const char *name)
{
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return 0;
	struct ethtool_ts_info info;
	struct ifreq ifr;
	memset(&info, 0, sizeof(info));
	memset(&ifr, 0, sizeof(ifr));
	info.cmd = ETHTOOL_GET_TS_INFO;
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", name);
	ifr.ifr_data = (void *)&info;
	int yes = ioctl(fd, SIOCETHTOOL, &ifr) == 0 &&
		  (info.so_timestamping & SOF_TIMESTAMPING_RAW_HARDWARE) &&
		  (info.rx_filters & (1u << HWTSTAMP_FILTER_ALL));
	close(fd);
	return yes;
}

/*
 * In tcpdump -J's words and libpcap's names, on stderr as tcpdump 4.99
 * prints them (unlike -L's list), the types -j accepts: host always,
 * adapter_unsynced where the NIC stamps all packets.  libpcap lists
 * "adapter" too where a driver reports SYS_HARDWARE stamps, which no
 * kernel since 3.17 does; -j refuses it.
 */
static void show_tstamp_types(const char *name, const rc_device *d)
{
	fprintf(stderr, "Time stamp types for %s (use option -j to set):\n", name);
	fprintf(stderr, "  host (Host)\n");
	if (d->ifindex != 0 && has_hw_tstamps(name))
		fprintf(stderr, "  adapter_unsynced (Adapter, not synced with system time)\n");
}

static void print_lt(int lt)
{
	const char *name = rc_linktype_name(lt), *desc = rc_linktype_description(lt);
	printf("  %s (%s)\n", name ? name : "?", desc ? desc : "?");
}

/*
 * A capture delivers the device's own link-layer headers, or, in cooked
 * mode (-y LINUX_SLL2), a LINUX_SLL2 header; "any" and devices without a
 * usable link header are always cooked.
 */
static void show_linktypes(const char *name, const rc_device *d)
{
	printf("Data link types for %s (use option -y to set):\n", name);
	if (d->cooked || d->ifindex == 0) {
		print_lt(RC_LINKTYPE_LINUX_SLL2);
	} else {
		print_lt(d->linktype);
		if (d->linktype != RC_LINKTYPE_LINUX_SLL2)
			print_lt(RC_LINKTYPE_LINUX_SLL2);
	}
}

/* show() each -i device (main.c gives the default one when -i is
 * absent); the first lookup failure ends it.
 * Write errors show at exit (rc__ob_stdio_done). */
static int each_device(const struct rc__cli_opts *o,
		       void (*show)(const char *name, const rc_device *d))
{
	for (size_t i = 0; i < o->live.nifaces; i++) {
		const char *name = o->live.ifaces[i];
		rc_device *d;
		int code = get_device(name, &d);
		if (code != RC_EXIT_OK)
			return code;
		show(name, d);
		rc_device_list_free(d);
	}
	return RC_EXIT_OK;
}

int rc__live_list_tstamp_types(const struct rc__cli_opts *o)
{
	return each_device(o, show_tstamp_types);
}

int rc__live_list_linktypes(const struct rc__cli_opts *o)
{
	return each_device(o, show_linktypes);
}
