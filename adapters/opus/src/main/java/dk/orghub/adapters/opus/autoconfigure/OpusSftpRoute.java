package dk.orghub.adapters.opus.autoconfigure;

import java.nio.file.Path;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The SFTP pickup of OPUS dumps ({@code opus-sftp}): polls the server every
 * {@code hub.sources.opus.sftp.delay}, downloads each dump into the inbox under a
 * temporary name ({@code .<name>.part}, which the inbox ignores) and renames it when
 * complete; the route {@code opus-inbox} (the hub's poll of the inbox) then imports it as
 * a run of the sync {@code opus}. On the server the dump is moved to {@code move} once it
 * is in the inbox. A server that does not answer is logged and tried again at the next
 * poll.
 */
class OpusSftpRoute extends RouteBuilder {

	static final String ROUTE_ID = "opus-sftp";

	static final String FETCH_STEP = "opus-sftp-to-inbox";

	private final OpusProperties.Sftp sftp;

	private final Path inbox;

	private final String endpoint;

	OpusSftpRoute(OpusProperties properties) {
		if (properties.inbox() == null) {
			throw new IllegalStateException(
					"hub.sources.opus.sftp.host is set, but hub.sources.opus.inbox is not: the dumps are fetched into it");
		}
		this.sftp = properties.sftp();
		this.inbox = properties.inbox().toAbsolutePath();
		this.endpoint = this.sftp.endpoint();
	}

	@Override
	public void configure() {
		from(this.endpoint).routeId(ROUTE_ID)
			.routeDescription("OPUS dumps from " + this.sftp.describe() + " into " + this.inbox)
			.to("file:" + this.inbox + "?tempFileName=RAW(.${file:name}.part)&fileExist=Override")
			.id(FETCH_STEP)
			.log(LoggingLevel.INFO, OpusSftpRoute.class.getName(),
					"Fetched ${file:name} from " + this.sftp.describe() + " into the OPUS inbox");
	}

}
