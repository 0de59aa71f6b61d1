package dk.orghub.adapters.sts;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import javax.xml.namespace.QName;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.binding.soap.model.SoapOperationInfo;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.StaxOutInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.BindingOperationInfo;

import dk.orghub.kombit.security.KombitSecurityException;
import dk.orghub.kombit.security.Ns;
import dk.orghub.kombit.security.SamlToken;
import dk.orghub.kombit.security.SignedCalls;
import dk.orghub.kombit.security.TokenCache;

/**
 * The CXF interceptors of signed calls: {@link Sign} takes a token from the cache before
 * anything is written, lets CXF write the call into memory and, when CXF closes the
 * stream, writes the OIOIDWS-signed call instead; {@link Verify} reads each answer,
 * checks the service's signature (when configured) and gives CXF the same bytes.
 */
final class SignedCallInterceptors {

	/** The token a call was signed with, kept on the exchange. */
	static final String TOKEN = SignedCallInterceptors.class.getName() + ".token";

	private SignedCallInterceptors() {
	}

	static final class Sign extends AbstractPhaseInterceptor<Message> {

		private final TokenCache tokens;

		private final StsCredentials credentials;

		private final Clock clock;

		Sign(TokenCache tokens, StsCredentials credentials, Clock clock) {
			super(Phase.PRE_STREAM);
			addBefore(StaxOutInterceptor.class.getName());
			this.tokens = tokens;
			this.credentials = credentials;
			this.clock = clock;
		}

		@Override
		public void handleMessage(Message message) {
			SamlToken token;
			try {
				this.credentials.client().checkValid(this.clock.instant());
				token = this.tokens.get();
			}
			catch (KombitSecurityException ex) {
				throw new Fault(ex);
			}
			message.getExchange().put(TOKEN, token);
			String action = action(message);
			String to = (String) message.get(Message.ENDPOINT_ADDRESS);
			OutputStream wire = message.getContent(OutputStream.class);
			message.setContent(OutputStream.class, new ByteArrayOutputStream(8192) {

				private boolean closed;

				@Override
				public void close() throws IOException {
					if (this.closed) {
						return;
					}
					this.closed = true;
					byte[] signed;
					try {
						signed = SignedCalls.sign(toByteArray(), action, to, token, Sign.this.credentials.client(),
								Sign.this.clock.instant(), Duration.ofMinutes(5));
					}
					catch (RuntimeException ex) {
						throw new IOException("cannot sign the call: " + ex.getMessage(), ex);
					}
					wire.write(signed);
					wire.close();
				}
			});
		}

		private static String action(Message message) {
			BindingOperationInfo operation = message.getExchange().getBindingOperationInfo();
			SoapOperationInfo soap = (operation != null) ? operation.getExtensor(SoapOperationInfo.class) : null;
			if (soap == null || soap.getAction() == null || soap.getAction().isEmpty()) {
				throw new Fault(new IllegalStateException("no SOAP action for " + operation));
			}
			return soap.getAction();
		}

	}

	static final class Verify extends AbstractSoapInterceptor {

		private static final Set<QName> UNDERSTOOD = Set.of(new QName(Ns.WSSE, "Security"), new QName(Ns.WSA, "Action"),
				new QName(Ns.WSA, "RelatesTo"), new QName(Ns.WSA, "To"), new QName(Ns.WSA, "MessageID"));

		private final StsCredentials credentials;

		private final Clock clock;

		Verify(StsCredentials credentials, Clock clock) {
			super(Phase.RECEIVE);
			this.credentials = credentials;
			this.clock = clock;
		}

		@Override
		public Set<QName> getUnderstoodHeaders() {
			return UNDERSTOOD;
		}

		@Override
		public void handleMessage(SoapMessage message) {
			if (!this.credentials.settings().verifyAnswers()) {
				return;
			}
			InputStream in = message.getContent(InputStream.class);
			if (in == null) {
				return;
			}
			byte[] bytes;
			try {
				bytes = in.readAllBytes();
			}
			catch (IOException ex) {
				throw new Fault(ex);
			}
			Object code = message.get(Message.RESPONSE_CODE);
			boolean fault = code instanceof Integer status && status >= 400;
			if (!fault) {
				try {
					SignedCalls.verifyAnswer(bytes, this.credentials.service(), this.clock.instant(),
							this.credentials.settings().clockSkew());
				}
				catch (KombitSecurityException ex) {
					throw new Fault(ex);
				}
			}
			message.setContent(InputStream.class, new ByteArrayInputStream(bytes));
		}

	}

}
