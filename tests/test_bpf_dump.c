/*
 * test_bpf_dump.c - rc_bpf_dump and rc_bpf_image print exactly what
 * tcpdump -d / -dd / -ddd (libpcap's bpf_dump and bpf_image) print.
 */
#include "harness.h"
#include "test_bpf_support.h"
#include "testutil.h"

#include <fcntl.h>
#include <linux/filter.h>
#include <unistd.h>

#ifdef RC_HAVE_LIBPCAP_ORACLE
#include <pcap/pcap.h>
#endif

#define I(c, t, f, kk) {(uint16_t)(c), (uint8_t)(t), (uint8_t)(f), (uint32_t)(kk)}

/* tcpdump -d 'tcp port 80' on Ethernet (libpcap 1.10), kept literally. */
static const rc_bpf_insn tcp80[] = {
	I(0x28, 0, 0, 12),      I(0x15, 0, 6, 0x86dd), I(0x30, 0, 0, 20),  I(0x15, 0, 15, 6),
	I(0x28, 0, 0, 54),      I(0x15, 12, 0, 80),    I(0x28, 0, 0, 56),  I(0x15, 10, 11, 80),
	I(0x15, 0, 10, 0x800),  I(0x30, 0, 0, 23),     I(0x15, 0, 8, 6),   I(0x28, 0, 0, 20),
	I(0x45, 6, 0, 0x1fff),  I(0xb1, 0, 0, 14),     I(0x48, 0, 0, 14),  I(0x15, 2, 0, 80),
	I(0x48, 0, 0, 16),      I(0x15, 0, 1, 80),     I(0x6, 0, 0, 262144), I(0x6, 0, 0, 0),
};

static char *dump_to_string(const rc_bpf_insn *p, size_t n, int style)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	ASSERT_TRUE(f != NULL);
	ASSERT_INT_EQ(rc_bpf_dump(f, p, n, style), 0);
	fclose(f);
	return buf;
}

TEST(bpf_dump_d_matches_tcpdump_literally)
{
	char *s = dump_to_string(tcp80, 20, 1);
	const char *want_head = "(000) ldh      [12]\n"
				"(001) jeq      #0x86dd          jt 2\tjf 8\n"
				"(002) ldb      [20]\n";
	ASSERT_TRUE(strncmp(s, want_head, strlen(want_head)) == 0);
	ASSERT_STR_CONTAINS(s, "(012) jset     #0x1fff          jt 19\tjf 13\n"
			       "(013) ldxb     4*([14]&0xf)\n"
			       "(014) ldh      [x + 14]\n");
	ASSERT_STR_CONTAINS(s, "(018) ret      #262144\n(019) ret      #0\n");
	free(s);
}

TEST(bpf_dump_dd_and_ddd_match_tcpdump_literally)
{
	char *dd = dump_to_string(tcp80, 20, 2);
	ASSERT_TRUE(strncmp(dd, "{ 0x28, 0, 0, 0x0000000c },\n{ 0x15, 0, 6, 0x000086dd },\n", 54) == 0);
	ASSERT_STR_CONTAINS(dd, "{ 0x6, 0, 0, 0x00040000 },\n{ 0x6, 0, 0, 0x00000000 },\n");
	char *ddd = dump_to_string(tcp80, 20, 3);
	ASSERT_TRUE(strncmp(ddd, "20\n40 0 0 12\n21 0 6 34525\n", 26) == 0);
	ASSERT_STR_CONTAINS(ddd, "69 6 0 8191\n177 0 0 14\n");
	free(dd);
	free(ddd);
}

TEST(bpf_dump_rejects_bad_arguments)
{
	ASSERT_INT_EQ(rc_bpf_dump(stdout, tcp80, 20, 0), RC_EINVAL);
	ASSERT_INT_EQ(rc_bpf_dump(stdout, tcp80, 20, 4), RC_EINVAL);
	ASSERT_INT_EQ(rc_bpf_dump(NULL, tcp80, 20, 1), RC_EINVAL);
	ASSERT_INT_EQ(rc_bpf_dump(stdout, NULL, 3, 1), RC_EINVAL);
}

/* filter.h: RC_EIO once fprintf fails (a full disk), not 0. */
TEST(bpf_dump_reports_a_write_error)
{
	FILE *full = fopen("/dev/full", "w");
	if (!full)
		SKIP("no /dev/full");
	setvbuf(full, NULL, _IONBF, 0); /* every fprintf reaches write(2) */
	ASSERT_INT_EQ(rc_bpf_dump(full, tcp80, 20, 1), RC_EIO);
	fclose(full);
}

/* filter.h: RC_BPF_IMAGE_SIZE holds every opcode with the widest k, jt,
 * jf and pc (the image is cut, silently, in a smaller buffer). */
TEST(bpf_image_fits_rc_bpf_image_size)
{
	static const uint32_t ks[] = {0, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffff038};
	static const size_t pcs[] = {0, 999, 0x7ffffeff, 0x80000000u, SIZE_MAX};
	char big[256];
	size_t longest = 0;
	for (unsigned code = 0; code < 0x10000; code++)
		for (size_t ki = 0; ki < sizeof ks / sizeof ks[0]; ki++)
			for (size_t pi = 0; pi < sizeof pcs / sizeof pcs[0]; pi++) {
				rc_bpf_insn in = I(code, 255, 255, ks[ki]);
				size_t n = strlen(rc_bpf_image(&in, pcs[pi], big, sizeof big));
				if (n > longest)
					longest = n;
			}
	ASSERT_TRUE(longest + 1 <= RC_BPF_IMAGE_SIZE);
}

TEST(bpf_image_names_ancillary_loads_like_libpcap)
{
	char buf[128];
	rc_bpf_insn p = I(BPF_LD | BPF_B | BPF_ABS, 0, 0, (uint32_t)SKF_AD_OFF + SKF_AD_VLAN_TAG_PRESENT);
	ASSERT_STR_EQ(rc_bpf_image(&p, 0, buf, sizeof buf), "ldb      [vlanp]");
	p.code = BPF_LD | BPF_W | BPF_ABS;
	p.k = (uint32_t)SKF_AD_OFF + SKF_AD_PROTOCOL;
	ASSERT_STR_EQ(rc_bpf_image(&p, 0, buf, sizeof buf), "ld       [proto]");
	p.k = (uint32_t)SKF_AD_OFF + SKF_AD_MAX;
	ASSERT_STR_EQ(rc_bpf_image(&p, 0, buf, sizeof buf), "ld       [-4032]");
	/* a short buffer truncates, never overflows */
	ASSERT_STR_EQ(rc_bpf_image(&p, 0, buf, 5), "ld  ");
}

#ifdef RC_HAVE_LIBPCAP_ORACLE
/* libpcap's bpf_dump prints to stdout: capture it through a file. */
static char *libpcap_dump(const rc_bpf_insn *p, size_t n, int style)
{
	const char *path = rc_test_tmpfile("bpf_dump.txt");
	fflush(stdout);
	int saved = dup(1);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ASSERT_TRUE(saved >= 0 && fd >= 0);
	dup2(fd, 1);
	close(fd);
	struct bpf_program bp = {.bf_len = (u_int)n, .bf_insns = (struct bpf_insn *)p};
	bpf_dump(&bp, style);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	return rc_test_read_text(path);
}
#endif

TEST(bpf_dump_equals_libpcap_for_compiled_filters_in_all_styles)
{
#ifndef RC_HAVE_LIBPCAP_ORACLE
	SKIP("system libpcap not available");
#else
	size_t compared = 0;
	for (size_t e = 0; e < bpft_nexprs; e++)
		for (int opt = 0; opt <= 1; opt++) {
			rc_bpf_prog prog;
			if (bpft_pcap_compile(bpft_exprs[e], 1, opt, &prog) < 0)
				continue;
			for (int style = 1; style <= 3; style++) {
				char *ours = dump_to_string(prog.insns, prog.len, style);
				char *theirs = libpcap_dump(prog.insns, prog.len, style);
				if (strcmp(ours, theirs) != 0)
					rc_test_fail(__FILE__, __LINE__,
						     "\"%s\" -O%d style %d:\n--- ringcap\n%s--- libpcap\n%s",
						     bpft_exprs[e], opt, style, ours, theirs);
				free(ours);
				free(theirs);
			}
			rc_bpf_prog_free(&prog);
			compared++;
		}
	ASSERT_UINT_GE(compared, 100);
#endif
}

/* Every one of the 256 opcodes (valid or not) with operands that exercise
 * signed/unsigned printing, ancillary names and jump targets. */
TEST(bpf_image_equals_libpcap_for_every_opcode)
{
#ifndef RC_HAVE_LIBPCAP_ORACLE
	SKIP("system libpcap not available");
#else
	static const uint32_t ks[] = {0, 1, 12, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffff000,
				      0xfffff030, 0xfffff03c, 0xfffff040, 0xffff0000, 262144};
	static const size_t pcs[] = {0, 7, 999, 1000};
	char ours[128];
	for (unsigned code = 0; code < 256; code++)
		for (size_t ki = 0; ki < sizeof ks / sizeof ks[0]; ki++)
			for (size_t pi = 0; pi < 4; pi++) {
				rc_bpf_insn in = I(code, ki * 37 % 256, ki * 91 % 256, ks[ki]);
				char line[160];
				snprintf(line, sizeof line, "(%03zu) %s", pcs[pi],
					 rc_bpf_image(&in, pcs[pi], ours, sizeof ours));
				const char *theirs =
					bpf_image((const struct bpf_insn *)&in, (int)pcs[pi]);
				if (strcmp(line, theirs) != 0)
					rc_test_fail(__FILE__, __LINE__,
						     "code 0x%02x k 0x%x pc %zu: \"%s\" vs libpcap \"%s\"",
						     code, ks[ki], pcs[pi], line, theirs);
			}
#endif
}
