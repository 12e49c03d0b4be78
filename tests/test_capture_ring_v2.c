/*
 * test_capture_ring_v2.c - the TPACKET_V2 reader (ring_v2.c) on a
 * synthetic ring in heap memory: a frame whose header breaks the ABI
 * rules is skipped, counted and warned about, as TPACKET_V3 skips a bad
 * block; the packets around it are delivered and the ring moves on.
 * No root needed.
 */
#include "harness.h"

#include <arpa/inet.h>
#include <linux/if_ether.h>

#include "capture/capture_int.h"

enum { FRAME = 256, NFRAMES = 16, MAC = 80 };

static struct tpacket2_hdr *frame(rc_capture *c, unsigned i)
{
	return (struct tpacket2_hdr *)(void *)(c->map + (size_t)i * FRAME);
}

static void put_frame(rc_capture *c, unsigned i, uint32_t mac, uint32_t snap, uint32_t len)
{
	struct tpacket2_hdr *h = frame(c, i);
	h->tp_mac = mac;
	h->tp_snaplen = snap;
	h->tp_len = len;
	struct sockaddr_ll *sll = (struct sockaddr_ll *)(void *)((uint8_t *)h +
		RC__TPACKET_ALIGN(sizeof(struct tpacket2_hdr)));
	sll->sll_family = AF_PACKET;
	sll->sll_protocol = htons(ETH_P_IP);
	sll->sll_pkttype = PACKET_HOST;
	h->tp_status = TP_STATUS_USER;
}

/* A handle whose V2 ring is NFRAMES frames of FRAME bytes in one block. */
static rc_capture *fake_v2(void)
{
	rc_capture *c;
	char err[RC_ERRBUF_SIZE];
	ASSERT_OK(rc_capture_create(&c, "lo", err));
	c->map = calloc(NFRAMES, FRAME);
	c->block_size = FRAME * NFRAMES;
	c->block_nr = 1;
	c->frame_size = FRAME;
	c->frame_nr = NFRAMES;
	c->headroom = RC__HEADROOM_RAW;
	c->linktype = RC_LINKTYPE_ETHERNET;
	c->snaplen = c->opts.snaplen_bytes;
	return c;
}

static void bad_frame_between(uint32_t mac, uint32_t snap, uint32_t len)
{
	rc_capture *c = fake_v2();
	put_frame(c, 0, MAC, 60, 60);
	put_frame(c, 1, mac, snap, len);
	put_frame(c, 2, MAC, 60, 60);
	rc_packet p[8];
	ASSERT_INT_EQ(rc__backend_v2.read(c, p, 8), 2);
	ASSERT_PTR_EQ(p[0].data, (uint8_t *)frame(c, 0) + MAC);
	ASSERT_PTR_EQ(p[1].data, (uint8_t *)frame(c, 2) + MAC);
	ASSERT_STR_CONTAINS(rc_capture_warning(c), "TPACKET_V2 frame 1");
	ASSERT_UINT_EQ(c->bad_slots, 1);
	/* All three go back to the kernel, the bad one too; the next read
	 * finds nothing, not the bad frame again. */
	rc__backend_v2.release(c);
	for (unsigned i = 0; i < 3; i++)
		ASSERT_UINT_EQ(frame(c, i)->tp_status, TP_STATUS_KERNEL);
	ASSERT_INT_EQ(rc__backend_v2.read(c, p, 8), 0);
	ASSERT_UINT_EQ(c->cur, 3);

	/* A bad frame first in a read call: nothing to deliver before it. */
	put_frame(c, 3, mac, snap, len);
	put_frame(c, 4, MAC, 60, 60);
	ASSERT_INT_EQ(rc__backend_v2.read(c, p, 8), 1);
	ASSERT_PTR_EQ(p[0].data, (uint8_t *)frame(c, 4) + MAC);
	ASSERT_UINT_EQ(c->bad_slots, 2);
	free(c->map);
	c->map = NULL;
	rc_capture_close(c); /* never activated: frees the handle only */
}

TEST(capture_v2_frame_with_packet_outside_is_skipped)
{
	bad_frame_between(MAC, FRAME, FRAME); /* runs past the frame's end */
}

TEST(capture_v2_frame_with_mac_inside_header_is_skipped)
{
	bad_frame_between(16, 60, 60);
}

TEST(capture_v2_frame_with_snaplen_over_len_is_skipped)
{
	bad_frame_between(MAC, 60, 40);
}
