package dk.orghub.samples.sts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/** SOAP 1.2 faults with code Sender and a WS-Security or WS-Trust subcode. */
final class SoapFaults {

	private SoapFaults() {
	}

	static void send(HttpServletResponse response, String subcodeNs, String subcode, String reason) throws IOException {
		String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body><soap:Fault>"
				+ "<soap:Code><soap:Value>soap:Sender</soap:Value><soap:Subcode><soap:Value xmlns:sc=\"" + subcodeNs
				+ "\">sc:" + subcode
				+ "</soap:Value></soap:Subcode></soap:Code><soap:Reason><soap:Text xml:lang=\"en\">" + escape(reason)
				+ "</soap:Text></soap:Reason></soap:Fault></soap:Body></soap:Envelope>";
		byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
		response.setStatus(500);
		response.setContentType("application/soap+xml; charset=utf-8");
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
