package dk.orghub.routes.config;

import java.nio.file.Path;
import java.util.List;

import dk.orghub.core.model.AddressScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The hub's own settings ({@code hub.*}). A setting that breaks a constraint stops the
 * start with a message naming it.
 *
 * @param dataDir directory for the embedded database and other local files; the default
 * datasource URL points into it
 * @param classes classes to add to the store's facets at start, when not there yet
 */
@Validated
@ConfigurationProperties("hub")
public record HubProperties(@NotNull @DefaultValue("./data") Path dataDir,
		@Valid @NotNull @DefaultValue List<@Valid @NotNull ExtraClass> classes) {

	/**
	 * A class to add to a facet, e.g. a local address type.
	 *
	 * @param facet the facet's name, e.g. {@code address_type} or {@code job_function}
	 * @param userKey the class's user key, unique within the facet
	 * @param title the class's title
	 * @param scope for address types: the kind of value, which decides how values are
	 * validated; must be empty for other facets
	 */
	public record ExtraClass(@NotBlank @Size(max = 200) String facet, @NotBlank @Size(max = 200) String userKey,
			@NotBlank @Size(max = 200) String title, AddressScope scope) {

	}

}
