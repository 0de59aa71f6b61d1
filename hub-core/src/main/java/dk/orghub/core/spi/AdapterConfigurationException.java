package dk.orghub.core.spi;

/** An adapter's configuration is wrong; the message names the setting. */
public class AdapterConfigurationException extends RuntimeException {

	public AdapterConfigurationException(String message) {
		super(message);
	}

}
