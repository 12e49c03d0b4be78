/*
 * test_cli_dump.c - -d with -i compiles for the device, as tcpdump's
 * does: its link type, snap length and netmask, the program live capture
 * attaches; -d with neither -r nor -i warns that it assumes Ethernet.
 */
#include "harness.h"
#include "testutil.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>

#include "ringcap/device.h"

/* stdout of ringcap with args, which must exit with 0; *err its stderr. */
static char *dump_ok(char **err, const char *args)
{
	char *out;
	int st = rc_test_ringcap(&out, err, "%s", args);
	if (st != 0)
		rc_test_fail(__FILE__, __LINE__, "ringcap %s exited with %d:\n%s", args, st, *err);
	return out;
}

/* lo is Ethernet-framed; "any" delivers LINUX_SLL2: the same programs as
 * for -y with those types. */
TEST(cli_dump_with_interface_compiles_for_its_link_type)
{
	rc_test_need_root();
	static const char *const cases[][2] = {
		{ "-i lo -d tcp port 80", "-y EN10MB -d tcp port 80" },
		{ "-i any -ddd udp", "-y LINUX_SLL2 -ddd udp" },
		{ "-i lo -y LINUX_SLL2 -d tcp", "-y LINUX_SLL2 -d tcp" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *err, *err2;
		char *dev = dump_ok(&err, cases[i][0]), *typ = dump_ok(&err2, cases[i][1]);
		ASSERT_STR_EQ(dev, typ);
		ASSERT_STR_EQ(err, "");
		free(dev);
		free(typ);
		free(err);
		free(err2);
	}
}

TEST(cli_dump_with_interface_uses_its_snap_length)
{
	rc_test_need_root();
	char *err, *out = dump_ok(&err, "-i lo -s 100 -d tcp");
	ASSERT_STR_CONTAINS(out, "ret      #100\n");
	free(out);
	free(err);
}

/* `ip broadcast` tests the host part of the interface's netmask (0.0.0.0
 * and 255.255.255.255 when the device has no IPv4 address). */
TEST(cli_dump_with_interface_uses_its_netmask)
{
	rc_test_need_root();
	uint32_t net, mask = 0;
	if (rc_device_lookup_net("lo", &net, &mask, NULL) < 0)
		mask = 0;
	char want[64];
	snprintf(want, sizeof(want), "jeq      #0x%x ", ~ntohl(mask));
	char *err, *out = dump_ok(&err, "-i lo -d ip broadcast");
	ASSERT_STR_CONTAINS(out, want);
	free(out);
	free(err);
}

TEST(cli_dump_with_an_unknown_interface_names_the_valid_ones)
{
	rc_test_need_root();
	char *out, *err;
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-i nosuchdev0 -d tcp"), 1);
	ASSERT_STR_EQ(out, "");
	ASSERT_STR_CONTAINS(err, "ringcap: nosuchdev0: no such device; available: ");
	free(out);
	free(err);
}

/* As without -d: a link type the device cannot deliver is refused. */
TEST(cli_dump_with_interface_refuses_a_link_type_the_device_lacks)
{
	rc_test_need_root();
	char *out, *err;
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-i lo -y RAW -d tcp"), 1);
	ASSERT_STR_EQ(out, "");
	ASSERT_STR_CONTAINS(err, "lo: -y RAW: the device captures as EN10MB or LINUX_SLL2");
	free(out);
	free(err);
}

/* tcpdump -d prints "Warning: assuming Ethernet" unless -y names a type. */
TEST(cli_dump_without_input_warns_that_it_assumes_ethernet)
{
	char *err, *out = dump_ok(&err, "-d tcp");
	ASSERT_STR_CONTAINS(out, "(000) ldh      [12]\n");
	ASSERT_STR_EQ(err, "ringcap: warning: assuming Ethernet (no -r, -i or -y)\n");
	free(out);
	free(err);
	out = dump_ok(&err, "-y EN10MB -d tcp");
	ASSERT_STR_EQ(err, "");
	free(out);
	free(err);
}

/* Without -r, -s sets the length a match returns, as in tcpdump -d -s. */
TEST(cli_dump_without_input_uses_the_snap_length)
{
	char *err, *out = dump_ok(&err, "-y EN10MB -s 96 -d tcp");
	ASSERT_STR_CONTAINS(out, "ret      #96\n");
	free(out);
	free(err);
}

/* With -r, stderr names the file first, as tcpdump's does. */
TEST(cli_dump_with_file_says_which_file_it_reads)
{
	char args[1024], *err;
	snprintf(args, sizeof(args), "-r '%s/examples/demo.pcapng' -d tcp", rc_test_srcdir());
	char *out = dump_ok(&err, args);
	ASSERT_STR_CONTAINS(err, "reading from file ");
	ASSERT_STR_CONTAINS(err, "demo.pcapng, link-type EN10MB (Ethernet), snapshot length 262144\n");
	ASSERT_STR_CONTAINS(out, "ret      #0\n");
	free(out);
	free(err);
}
