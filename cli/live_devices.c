/*
 * live_devices.c - -D (tcpdump's interface list), -L (link types of a
 * device) and the "no such device" message that names the valid ones.
 */
#include "live.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

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
int rc__live_list_linktypes(const struct rc__cli_opts *o)
{
	if (o->live.nifaces == 0) {
		fprintf(stderr, "ringcap: -L needs -i IFACE\n");
		return RC_EXIT_USAGE;
	}
	for (size_t i = 0; i < o->live.nifaces; i++) {
		const char *name = o->live.ifaces[i];
		char err[RC_ERRBUF_SIZE];
		rc_device *d;
		int st = rc_device_get(name, &d, err);
		if (st == RC_ENODEV) {
			rc__live_no_such_device(name);
			return RC_EXIT_ERROR;
		}
		if (st < 0) {
			fprintf(stderr, "ringcap: %s\n", err);
			return RC_EXIT_ERROR;
		}
		printf("Data link types for %s (use option -y to set):\n", name);
		if (d->cooked || d->ifindex == 0) {
			print_lt(RC_LINKTYPE_LINUX_SLL2);
		} else {
			print_lt(d->linktype);
			if (d->linktype != RC_LINKTYPE_LINUX_SLL2)
				print_lt(RC_LINKTYPE_LINUX_SLL2);
		}
		rc_device_list_free(d);
	}
	return RC_EXIT_OK; /* write errors show at exit (rc__ob_stdio_done) */
}
