package org.example.vendoradapter.autoconfigure;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings of the vendor-csv source, {@code hub.sources.vendor-csv.*}.
 *
 * @param folder the folder the vendor system exports {@code units.csv} and
 * {@code persons.csv} to; setting it switches the adapter on
 */
@ConfigurationProperties(prefix = "hub.sources.vendor-csv")
public record VendorCsvProperties(Path folder) {

}
