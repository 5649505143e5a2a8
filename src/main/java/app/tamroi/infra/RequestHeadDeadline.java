package app.tamroi.infra;

import app.tamroi.usecase.Limits;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.net.impl.TCPServerBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Closes a connection whose request head is not complete within
 * {@code tamroi.limits.connections.request-head-deadline}: counted from the moment it connects, or,
 * on a kept-alive connection, from the first byte of its next request. An idle timeout restarts
 * with every byte, so without this a client trickling its headers a byte at a time holds a socket
 * for as long as it likes, and a few thousand such clients hold them all.
 *
 * <p>Neither Quarkus nor Vert.x 4 offers such a deadline, nor a hook on new connections once
 * Quarkus has built its servers, so this reaches each listening Netty channel through a Vert.x
 * internal (the bound channel of each shared HTTP server) and gives every accepted connection a
 * clock; the routers stop it, as a request reaches them only once its head is complete. If a
 * Vert.x upgrade moves that internal, the start logs an error and EdgeIT fails. HTTP/1.x only:
 * an HTTP/2 connection is left to the idle timeout.
 */
@ApplicationScoped
public class RequestHeadDeadline {

    private static final Logger LOG = Logger.getLogger(RequestHeadDeadline.class);
    private static final String ON_ACCEPT = "tamroi-head-deadline";
    private static final String CLOCK = "tamroi-head-deadline-clock";
    /** The start of the preface of a client that speaks HTTP/2 from its first byte. */
    private static final byte[] HTTP2_PREFACE = "PRI ".getBytes(StandardCharsets.US_ASCII);

    private final long deadlineNanos;
    private final Vertx vertx;

    public RequestHeadDeadline(Limits limits, Vertx vertx) {
        this.deadlineNanos = limits.connections().requestHeadDeadline().toNanos();
        this.vertx = vertx;
    }

    void seeCompleteHeads(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::headComplete);
    }

    void seeCompleteHeadsOfOperators(@Observes ManagementInterface management) {
        management.router().route().order(Integer.MIN_VALUE).handler(this::headComplete);
    }

    void watchNewConnections(@ObservesAsync HttpServerStart started) {
        Set<Channel> listening = Collections.newSetFromMap(new IdentityHashMap<>());
        for (TCPServerBase server : ((VertxInternal) vertx).sharedHttpServers().values()) {
            Channel channel = listeningChannel(server);
            if (channel != null && listening.add(channel) && channel.pipeline().get(ON_ACCEPT) == null) {
                channel.pipeline().addFirst(ON_ACCEPT, new OnAccept());
            }
        }
        if (listening.isEmpty()) {
            LOG.error("no listening HTTP channel found: request heads have no deadline (has Vert.x changed?)");
        } else {
            LOG.infof("request heads must be complete within %d ms on %d listening channels",
                    TimeUnit.NANOSECONDS.toMillis(deadlineNanos), listening.size());
        }
    }

    /** A request reaches a router once its head is complete. Runs on the connection's event loop. */
    private void headComplete(RoutingContext rc) {
        Clock clock = rc.request().connection() instanceof ConnectionBase connection
                ? connection.channel().pipeline().get(Clock.class) : null;
        if (clock != null) {
            if (rc.request().version() == HttpVersion.HTTP_2) {
                // streams interleave on one connection: its heads are not ours to time
                clock.stop();
            } else {
                clock.headComplete();
                rc.addEndHandler(ended -> clock.answered());
            }
        }
        rc.next();
    }

    private static Channel listeningChannel(TCPServerBase server) {
        try {
            Field bound = TCPServerBase.class.getDeclaredField("bindFuture");
            bound.setAccessible(true);
            Future<?> future = (Future<?>) bound.get(server);
            return future != null && future.result() instanceof Channel channel ? channel : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.errorf("cannot reach Vert.x's listening channel (%s): request heads have no deadline", e);
            return null;
        }
    }

    /** On a listening channel: each accepted connection gets its clock before Vert.x lays out its pipeline. */
    @ChannelHandler.Sharable
    private final class OnAccept extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Channel connection) {
                connection.pipeline().addFirst(CLOCK, new Clock());
            }
            ctx.fireChannelRead(msg);
        }
    }

    /**
     * One connection's clock, first in its pipeline so that it sees every byte as it arrives: it
     * starts when the connection opens and with the first byte after an answer, and stops when a
     * router sees the head. Everything here runs on the connection's event loop.
     */
    private final class Clock extends ChannelInboundHandlerAdapter {
        private ScheduledFuture<?> cutoff;
        private int headsUnanswered;
        private boolean betweenRequests = true;
        private boolean off;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            start(ctx);
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
                if (startsWithHttp2Preface(bytes)) {
                    stop();
                } else {
                    start(ctx);
                }
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            stop();
            ctx.fireChannelInactive();
        }

        private void start(ChannelHandlerContext ctx) {
            if (!off && betweenRequests && cutoff == null) {
                betweenRequests = false;
                cutoff = ctx.executor().schedule(() -> {
                    LOG.debugf("closing %s: no complete request head within the deadline", ctx.channel().remoteAddress());
                    ctx.close();
                }, deadlineNanos, TimeUnit.NANOSECONDS);
            }
        }

        void headComplete() {
            headsUnanswered++;
            cancel();
        }

        void answered() {
            headsUnanswered = Math.max(0, headsUnanswered - 1);
            betweenRequests = headsUnanswered == 0;
        }

        void stop() {
            off = true;
            cancel();
        }

        private void cancel() {
            if (cutoff != null) {
                cutoff.cancel(false);
                cutoff = null;
            }
        }

        private static boolean startsWithHttp2Preface(ByteBuf bytes) {
            if (bytes.readableBytes() < HTTP2_PREFACE.length) {
                return false;
            }
            for (int i = 0; i < HTTP2_PREFACE.length; i++) {
                if (bytes.getByte(bytes.readerIndex() + i) != HTTP2_PREFACE[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
