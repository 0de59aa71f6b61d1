package org.example.vendoradapter.autoconfigure;

import org.example.vendoradapter.VendorCsvSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Makes the vendor-csv source when {@code hub.sources.vendor-csv.folder} is set; a sync
 * runs it with {@code hub.syncs.<name>.adapter: vendor-csv}. A bean of the same type
 * replaces it.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "hub.sources.vendor-csv", name = "folder")
@EnableConfigurationProperties(VendorCsvProperties.class)
public class VendorCsvAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	VendorCsvSource vendorCsvSource(VendorCsvProperties properties) {
		VendorCsvSource source = new VendorCsvSource(properties.folder());
		source.validate();
		return source;
	}

}
