/*
 * test_bpf_validate.c - rc_bpf_validate applies the kernel's classic BPF
 * rules: one test per class of invalid program, acceptance of everything
 * libpcap compiles, and agreement with the running kernel's
 * SO_ATTACH_FILTER on random programs.
 */
#include "harness.h"
#include "test_bpf_support.h"
#include "testutil.h"

#include <errno.h>
#include <linux/filter.h>
#include <sys/socket.h>
#include <unistd.h>

#define I(c, t, f, kk) {(uint16_t)(c), (uint8_t)(t), (uint8_t)(f), (uint32_t)(kk)}
#define RET_K(kk) I(BPF_RET | BPF_K, 0, 0, kk)

static int validate_msg(const rc_bpf_insn *p, size_t n, char *err)
{
	err[0] = '\0';
	return rc_bpf_validate(p, n, err);
}

TEST(bpf_validate_accepts_minimal_program)
{
	rc_bpf_insn p[] = {RET_K(0xffff)};
	ASSERT_INT_EQ(rc_bpf_validate(p, 1, NULL), 0);
}

TEST(bpf_validate_rejects_empty_program)
{
	char err[RC_ERRBUF_SIZE];
	rc_bpf_insn p[] = {RET_K(0)};
	ASSERT_INT_EQ(validate_msg(p, 0, err), RC_EINVAL);
	ASSERT_STR_CONTAINS(err, "0 instructions");
	ASSERT_INT_EQ(validate_msg(NULL, 3, err), RC_EINVAL);
}

TEST(bpf_validate_rejects_program_over_4096_instructions)
{
	static rc_bpf_insn p[RC_BPF_MAXINSNS + 1];
	char err[RC_ERRBUF_SIZE];
	for (size_t i = 0; i < RC_BPF_MAXINSNS + 1; i++)
		p[i] = (rc_bpf_insn)RET_K(0);
	ASSERT_INT_EQ(rc_bpf_validate(p, RC_BPF_MAXINSNS, NULL), 0);
	ASSERT_INT_EQ(validate_msg(p, RC_BPF_MAXINSNS + 1, err), RC_EINVAL);
	ASSERT_STR_CONTAINS(err, "4097 instructions");
}

/* Longer programs for userspace only: the caller's limit, never over
 * RC_BPF_USER_MAXINSNS, and every other rule still applies. */
TEST(bpf_validate_len_takes_the_callers_limit_up_to_the_user_maximum)
{
	size_t n = RC_BPF_USER_MAXINSNS + 1;
	rc_bpf_insn *p = calloc(n, sizeof(*p));
	char err[RC_ERRBUF_SIZE];
	for (size_t i = 0; i < n; i++)
		p[i] = (rc_bpf_insn)RET_K(0);
	ASSERT_INT_EQ(rc_bpf_validate_len(p, RC_BPF_MAXINSNS + 1, RC_BPF_MAXINSNS + 1, NULL), 0);
	ASSERT_INT_EQ(rc_bpf_validate_len(p, RC_BPF_MAXINSNS + 1, RC_BPF_MAXINSNS, err), RC_EINVAL);
	ASSERT_STR_CONTAINS(err, "4097 instructions");
	ASSERT_INT_EQ(rc_bpf_validate_len(p, n - 1, n - 1, NULL), 0);
	ASSERT_INT_EQ(rc_bpf_validate_len(p, n, n - 1, err), RC_EINVAL);
	ASSERT_STR_CONTAINS(err, "must be 1..1048576");
	/* a limit over the maximum is refused, not quietly lowered */
	ASSERT_INT_EQ(rc_bpf_validate_len(p, 1, n, err), RC_EINVAL);
	ASSERT_STR_EQ(err, "rc_bpf_validate_len: max_len 1048577 is not 1..1048576 "
			   "(RC_BPF_USER_MAXINSNS)");
	/* and so is 0 (its message read "must be 1..0") */
	ASSERT_INT_EQ(rc_bpf_validate_len(p, 1, 0, err), RC_EINVAL);
	ASSERT_STR_CONTAINS(err, "max_len 0 is not 1..1048576");
	/* a jump past the end is still refused */
	p[5000] = (rc_bpf_insn)I(BPF_JMP | BPF_JA, 0, 0, 100000);
	ASSERT_INT_EQ(rc_bpf_validate_len(p, 10000, n - 1, err), RC_EINVAL);
	free(p);
}

TEST(bpf_validate_rejects_unknown_opcodes)
{
	char err[RC_ERRBUF_SIZE];
	/* neg x, ldx with a B width, ld with the reserved mode 0xe0, and a code
	 * with bits above the low byte: none exists in the kernel's list. */
	static const uint16_t bad[] = {BPF_ALU | BPF_NEG | BPF_X, BPF_LDX | BPF_B | BPF_IMM, 0xe0,
				       0x100 | (BPF_RET | BPF_K), BPF_JMP | 0x50, BPF_MISC | 0x08,
				       BPF_RET | 0x18, BPF_LD | BPF_W | BPF_MSH};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		rc_bpf_insn p[] = {I(BPF_LD | BPF_IMM, 0, 0, 1), I(bad[i], 0, 0, 0), RET_K(0)};
		ASSERT_INT_EQ(validate_msg(p, 3, err), RC_EINVAL);
		ASSERT_STR_CONTAINS(err, "instruction 1: unknown opcode");
	}
}

TEST(bpf_validate_rejects_conditional_jump_past_the_end)
{
	char err[RC_ERRBUF_SIZE];
	rc_bpf_insn ok[] = {I(BPF_JMP | BPF_JEQ | BPF_K, 1, 0, 7), RET_K(1), RET_K(0)};
	ASSERT_INT_EQ(rc_bpf_validate(ok, 3, NULL), 0);
	rc_bpf_insn jt[] = {I(BPF_JMP | BPF_JEQ | BPF_K, 2, 0, 7), RET_K(1), RET_K(0)};
	ASSERT_INT_EQ(validate_msg(jt, 3, err), RC_EINVAL);
	ASSERT_STR_CONTAINS(err, "instruction 0: jump target");
	rc_bpf_insn jf[] = {I(BPF_JMP | BPF_JSET | BPF_X, 0, 255, 7), RET_K(1), RET_K(0)};
	ASSERT_INT_EQ(validate_msg(jf, 3, err), RC_EINVAL);
}

TEST(bpf_validate_rejects_ja_past_the_end_including_wraparound)
{
	char err[RC_ERRBUF_SIZE];
	rc_bpf_insn ok[] = {I(BPF_JMP | BPF_JA, 0, 0, 1), RET_K(1), RET_K(0)};
	ASSERT_INT_EQ(rc_bpf_validate(ok, 3, NULL), 0);
	rc_bpf_insn past[] = {I(BPF_JMP | BPF_JA, 0, 0, 2), RET_K(1), RET_K(0)};
	ASSERT_INT_EQ(validate_msg(past, 3, err), RC_EINVAL);
	ASSERT_STR_CONTAINS(err, "instruction 0: ja 2");
	/* k = -1 would be a backward jump (a loop) in 32-bit arithmetic. */
	rc_bpf_insn back[] = {RET_K(1), I(BPF_JMP | BPF_JA, 0, 0, 0xffffffff), RET_K(0)};
	ASSERT_INT_EQ(validate_msg(back, 3, err), RC_EINVAL);
	ASSERT_STR_CONTAINS(err, "instruction 1:");
}

TEST(bpf_validate_rejects_program_not_ending_in_return)
{
	char err[RC_ERRBUF_SIZE];
	rc_bpf_insn p[] = {RET_K(1), I(BPF_LD | BPF_IMM, 0, 0, 1)};
	ASSERT_INT_EQ(validate_msg(p, 2, err), RC_EINVAL);
	ASSERT_STR_CONTAINS(err, "instruction 1: the last instruction must be a return");
	rc_bpf_insn a[] = {I(BPF_RET | BPF_A, 0, 0, 0)};
	ASSERT_INT_EQ(rc_bpf_validate(a, 1, NULL), 0);
}

TEST(bpf_validate_rejects_scratch_index_16_for_every_memory_opcode)
{
	char err[RC_ERRBUF_SIZE];
	static const uint16_t ops[] = {BPF_ST, BPF_STX, BPF_LD | BPF_MEM, BPF_LDX | BPF_MEM};
	for (size_t i = 0; i < 4; i++) {
		rc_bpf_insn p[] = {I(BPF_ST, 0, 0, 15), I(ops[i], 0, 0, 16), RET_K(0)};
		ASSERT_INT_EQ(validate_msg(p, 3, err), RC_EINVAL);
		ASSERT_STR_CONTAINS(err, "instruction 1: scratch memory index 16");
		p[1].k = 15;
		ASSERT_INT_EQ(rc_bpf_validate(p, 3, NULL), 0);
	}
}

TEST(bpf_validate_rejects_constant_division_and_modulo_by_zero)
{
	char err[RC_ERRBUF_SIZE];
	rc_bpf_insn d[] = {I(BPF_ALU | BPF_DIV | BPF_K, 0, 0, 0), RET_K(0)};
	ASSERT_INT_EQ(validate_msg(d, 2, err), RC_EINVAL);
	ASSERT_STR_CONTAINS(err, "instruction 0: division by constant zero");
	rc_bpf_insn m[] = {I(BPF_ALU | BPF_MOD | BPF_K, 0, 0, 0), RET_K(0)};
	ASSERT_INT_EQ(validate_msg(m, 2, err), RC_EINVAL);
	ASSERT_STR_CONTAINS(err, "modulo by constant zero");
	/* by X is a run-time matter (the VM rejects the packet) */
	rc_bpf_insn x[] = {I(BPF_ALU | BPF_DIV | BPF_X, 0, 0, 0), RET_K(0)};
	ASSERT_INT_EQ(rc_bpf_validate(x, 2, NULL), 0);
}

TEST(bpf_validate_rejects_constant_shift_of_32_or_more)
{
	char err[RC_ERRBUF_SIZE];
	rc_bpf_insn p[] = {I(BPF_ALU | BPF_LSH | BPF_K, 0, 0, 32), RET_K(0)};
	ASSERT_INT_EQ(validate_msg(p, 2, err), RC_EINVAL);
	ASSERT_STR_CONTAINS(err, "shift by constant 32");
	p[0].code = BPF_ALU | BPF_RSH | BPF_K;
	p[0].k = 0xffffffff;
	ASSERT_INT_EQ(rc_bpf_validate(p, 2, NULL), RC_EINVAL);
	p[0].k = 31;
	ASSERT_INT_EQ(rc_bpf_validate(p, 2, NULL), 0);
}

TEST(bpf_validate_accepts_every_known_ancillary_load_at_any_width)
{
	static const uint16_t widths[] = {BPF_W, BPF_H, BPF_B};
	for (uint32_t n = 0; n < SKF_AD_MAX; n += 4)
		for (size_t w = 0; w < 3; w++) {
			rc_bpf_insn p[] = {I(BPF_LD | widths[w] | BPF_ABS, 0, 0, (uint32_t)SKF_AD_OFF + n),
					   I(BPF_RET | BPF_A, 0, 0, 0)};
			ASSERT_INT_EQ(rc_bpf_validate(p, 2, NULL), 0);
		}
}

TEST(bpf_validate_rejects_unknown_ancillary_loads)
{
	char err[RC_ERRBUF_SIZE];
	rc_bpf_insn p[] = {I(BPF_LD | BPF_W | BPF_ABS, 0, 0, (uint32_t)SKF_AD_OFF + SKF_AD_MAX),
			   RET_K(0)};
	ASSERT_INT_EQ(validate_msg(p, 2, err), RC_EINVAL);
	ASSERT_STR_CONTAINS(err, "unknown ancillary load SKF_AD_OFF+64");
	p[0].k = (uint32_t)SKF_AD_OFF + 2; /* not on a 4-byte step */
	ASSERT_INT_EQ(rc_bpf_validate(p, 2, NULL), RC_EINVAL);
	p[0].k = 0xffffffff;
	ASSERT_INT_EQ(rc_bpf_validate(p, 2, NULL), RC_EINVAL);
	/* The kernel's link-layer/network-relative areas lie below SKF_AD_OFF. */
	p[0].k = (uint32_t)SKF_NET_OFF;
	ASSERT_INT_EQ(rc_bpf_validate(p, 2, NULL), 0);
}

TEST(bpf_validate_rejects_scratch_read_before_any_write)
{
	char err[RC_ERRBUF_SIZE];
	rc_bpf_insn p[] = {I(BPF_ST, 0, 0, 1), I(BPF_LDX | BPF_MEM, 0, 0, 2), RET_K(0)};
	ASSERT_INT_EQ(validate_msg(p, 3, err), RC_EINVAL);
	ASSERT_STR_CONTAINS(err, "instruction 1: M[2] may be read before it is written");
}

TEST(bpf_validate_rejects_scratch_written_on_one_path_only)
{
	char err[RC_ERRBUF_SIZE];
	/* 0: jeq #1 jt 1 jf 2;  1: st M[0];  2: ld M[0];  3: ret a */
	rc_bpf_insn p[] = {I(BPF_JMP | BPF_JEQ | BPF_K, 0, 1, 1), I(BPF_ST, 0, 0, 0),
			   I(BPF_LD | BPF_MEM, 0, 0, 0), I(BPF_RET | BPF_A, 0, 0, 0)};
	ASSERT_INT_EQ(validate_msg(p, 4, err), RC_EINVAL);
	ASSERT_STR_CONTAINS(err, "instruction 2: M[0]");
	/* written before the branch: fine on both paths */
	rc_bpf_insn q[] = {I(BPF_ST, 0, 0, 0), I(BPF_JMP | BPF_JEQ | BPF_K, 0, 1, 1),
			   I(BPF_ST, 0, 0, 3), I(BPF_LD | BPF_MEM, 0, 0, 0), I(BPF_RET | BPF_A, 0, 0, 0)};
	ASSERT_INT_EQ(rc_bpf_validate(q, 5, NULL), 0);
}

TEST(bpf_validate_accepts_every_program_libpcap_compiles)
{
#ifndef RC_HAVE_LIBPCAP_ORACLE
	SKIP("system libpcap not available");
#else
	static const int dlts[] = {1 /* EN10MB */, 12 /* RAW */, 113 /* LINUX_SLL */};
	size_t checked = 0;
	for (size_t d = 0; d < 3; d++)
		for (size_t i = 0; i < bpft_nexprs; i++)
			for (int opt = 0; opt <= 1; opt++) {
				rc_bpf_prog prog;
				char err[RC_ERRBUF_SIZE];
				if (bpft_pcap_compile(bpft_exprs[i], dlts[d], opt, &prog) < 0)
					continue; /* not valid on this link type */
				int r = rc_bpf_validate(prog.insns, prog.len, err);
				/* libpcap implements protochain with a backward jump,
				 * which the kernel refuses too (libpcap then filters
				 * in user space). */
				if (strstr(bpft_exprs[i], "protochain")) {
					ASSERT_INT_EQ(r, RC_EINVAL);
					ASSERT_STR_CONTAINS(err, "jumps beyond the end");
				} else if (r < 0) {
					rc_test_fail(__FILE__, __LINE__, "\"%s\" (dlt %d, opt %d): %s",
						     bpft_exprs[i], dlts[d], opt, err);
				}
				rc_bpf_prog_free(&prog);
				checked++;
			}
	ASSERT_UINT_GE(checked, 200);
#endif
}

/* The running kernel is the reference: SO_ATTACH_FILTER on a UDP socket
 * (no privilege needed) accepts exactly what rc_bpf_validate accepts. */
TEST(bpf_validate_agrees_with_kernel_on_random_programs)
{
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0)
		SKIP("cannot create a UDP socket");
	uint64_t seed = 0x5eed0001;
	size_t accepted = 0, rejected = 0;
	for (int iter = 0; iter < 3000; iter++) {
		rc_bpf_insn p[24];
		size_t len = bpft_rand_program(&seed, p, 24, BPFT_ANCILLARY);
		/* Break it in one random way, or keep it valid. */
		size_t at = bpft_rand(&seed) % len;
		switch (bpft_rand(&seed) % 6) {
		case 0:
			p[at].code = (uint16_t)(bpft_rand(&seed) & 0xff);
			break;
		case 1:
			p[at].k = bpft_rand(&seed) % 40;
			break;
		case 2:
			p[at].jt = (uint8_t)(bpft_rand(&seed) % 30);
			break;
		case 3:
			if (p[at].code == (BPF_LD | BPF_W | BPF_ABS))
				p[at].k = (uint32_t)SKF_AD_OFF + bpft_rand(&seed) % 80;
			break;
		default:
			break;
		}
		struct sock_fprog fp = {.len = (unsigned short)len, .filter = (struct sock_filter *)p};
		int kernel_ok = setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &fp, sizeof fp) == 0;
		int kernel_errno = errno;
		char err[RC_ERRBUF_SIZE] = "";
		int ours_ok = rc_bpf_validate(p, len, err) == 0;
		if (kernel_ok != ours_ok) {
			char img[128];
			for (size_t i = 0; i < len; i++)
				fprintf(stderr, "(%03zu) %s\n", i, rc_bpf_image(&p[i], i, img, sizeof img));
			rc_test_fail(__FILE__, __LINE__,
				     "iteration %d: kernel %s (errno %d), ringcap %s (%s)", iter,
				     kernel_ok ? "accepts" : "rejects", kernel_errno,
				     ours_ok ? "accepts" : "rejects", err);
		}
		if (ours_ok)
			accepted++;
		else
			rejected++;
	}
	close(fd);
	ASSERT_UINT_GE(accepted, 500);
	ASSERT_UINT_GE(rejected, 500);
}

/*
 * Every program ringcap's compiler makes from the hand-written differential
 * list (tests/filter/expressions.txt: geneve's scratch words, protochain,
 * sets, arithmetic ...) is one the running kernel attaches, for files and
 * for live captures (kernel metadata loads), optimized or not.  libpcap's
 * programs for some of them read scratch memory they never wrote, which
 * the kernel refuses; ringcap's must not.
 */
TEST(bpf_kernel_attaches_every_compiled_handwritten_expression)
{
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0)
		SKIP("cannot create a UDP socket");
	char path[512];
	snprintf(path, sizeof(path), "%s/tests/filter/expressions.txt", rc_test_srcdir());
	char *text = rc_test_read_text(path);
	size_t attached = 0;
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		if (line[0] == '#')
			continue;
		for (int mode = 0; mode < 4; mode++) {
			rc_filter_opts o = {.optimize = mode & 1, .linux_live = mode >> 1,
					    .resolve_names = 1};
			rc_bpf_prog prog;
			char err[RC_ERRBUF_SIZE];
			if (rc_filter_compile(&prog, line, RC_LINKTYPE_ETHERNET, 262144, 0xffffff00u, &o,
					      err) < 0)
				continue; /* the differential tests judge refusals */
			struct sock_fprog fp = {.len = (unsigned short)prog.len,
						.filter = (struct sock_filter *)prog.insns};
			if (setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &fp, sizeof fp) != 0)
				rc_test_fail(__FILE__, __LINE__, "kernel refuses \"%s\" (optimize %d, "
					     "live %d, %zu insns): %s", line, mode & 1, mode >> 1,
					     prog.len, strerror(errno));
			rc_bpf_prog_free(&prog);
			attached++;
		}
	}
	free(text);
	close(fd);
	ASSERT_UINT_GE(attached, 600);
}
