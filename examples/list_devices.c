/*
 * list_devices.c - print the capture devices, like `tcpdump -D`, and with
 * -v everything ringcap knows about each: link type, MTU, hardware
 * address, IPv4/IPv6 addresses with prefix, broadcast and peer.
 *
 *   list_devices          1.eth0 [Up, Running, Connected]   (tcpdump -D's format)
 *   list_devices -v       ... plus details, and the network of each device
 *                         as rc_device_lookup_net() reports it
 *
 * It doubles as a tour of include/ringcap/device.h: rc_device_list,
 * walking the list, rc_device_lookup_net, rc_device_list_free.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

#include "ringcap/device.h"
#include "ringcap/linktype.h"

/* "10.0.0.1" / "fe80::1" for an AF_INET or AF_INET6 sockaddr. */
static const char *addr_str(const struct sockaddr *sa, char *buf, size_t len)
{
	const void *bytes = sa->sa_family == AF_INET
				    ? (const void *)&((const struct sockaddr_in *)sa)->sin_addr
				    : (const void *)&((const struct sockaddr_in6 *)sa)->sin6_addr;
	if (!inet_ntop(sa->sa_family, bytes, buf, (socklen_t)len))
		snprintf(buf, len, "?");
	return buf;
}

/*
 * The bracketed status as tcpdump -D prints it: the names of the set bits
 * among Up, Running, Loopback, Wireless ("none" if no bit is set), then
 * the connection status (association status for wireless devices); no
 * brackets at all when there is nothing to say.
 */
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
	for (size_t i = 0; i < sizeof(bits) / sizeof(bits[0]); i++) {
		if (d->flags & bits[i].bit) {
			printf("%s%s", sep, bits[i].name);
			sep = ", ";
		}
	}
	if (!*sep)
		printf("none");
	if (d->connection >= 0 && d->connection <= RC_DEVICE_CONN_NOT_APPLICABLE)
		printf("%s", (d->flags & RC_DEVICE_WIRELESS ? wireless : wired)[d->connection]);
	printf("]");
}

static void print_details(const rc_device *d)
{
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];
	const char *lt = rc_linktype_name(d->linktype);

	printf("    ifindex %d, link type %s (%d)%s, mtu %u", d->ifindex, lt ? lt : "?",
	       d->linktype, d->cooked ? " cooked" : "", d->mtu_bytes);
	if (d->hwaddr_len) {
		printf(", hwaddr ");
		for (size_t i = 0; i < d->hwaddr_len; i++)
			printf("%s%02x", i ? ":" : "", d->hwaddr[i]);
	}
	printf("\n");
	for (const rc_device_addr *x = d->addresses; x; x = x->next) {
		printf("    %s %s/%u", x->addr->sa_family == AF_INET ? "inet " : "inet6",
		       addr_str(x->addr, a, sizeof(a)), x->prefix_len);
		printf(" netmask %s", addr_str(x->netmask, b, sizeof(b)));
		if (x->broadaddr)
			printf(" broadcast %s", addr_str(x->broadaddr, b, sizeof(b)));
		if (x->dstaddr)
			printf(" peer %s", addr_str(x->dstaddr, b, sizeof(b)));
		printf("\n");
	}
	uint32_t net, mask;
	if (rc_device_lookup_net(d->name, &net, &mask, NULL) == 0 && mask != 0)
		printf("    network %s netmask %s\n", inet_ntop(AF_INET, &net, a, sizeof(a)),
		       inet_ntop(AF_INET, &mask, b, sizeof(b)));
}

int main(int argc, char **argv)
{
	int verbose = argc == 2 && strcmp(argv[1], "-v") == 0;
	char err[RC_ERRBUF_SIZE];
	rc_device *list;
	int n = 1;

	if (argc > 2 || (argc == 2 && !verbose)) {
		fprintf(stderr, "usage: list_devices [-v]\n");
		return 2;
	}

	if (rc_device_list(&list, err) < 0) {
		fprintf(stderr, "list_devices: %s\n", err);
		return 1;
	}
	for (const rc_device *d = list; d; d = d->next, n++) {
		printf("%d.%s", n, d->name);
		if (d->description)
			printf(" (%s)", d->description);
		print_flags(d);
		printf("\n");
		if (verbose)
			print_details(d);
	}
	rc_device_list_free(list);
	return 0;
}
