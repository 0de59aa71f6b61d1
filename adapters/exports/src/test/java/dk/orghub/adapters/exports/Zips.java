package dk.orghub.adapters.exports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads ZIP files in tests. */
public final class Zips {

	private Zips() {
	}

	/** The entries of a ZIP file by name, in order. */
	public static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				files.put(entry.getName(), in.readAllBytes());
			}
		}
		return files;
	}

}
