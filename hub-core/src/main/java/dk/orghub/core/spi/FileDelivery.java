package dk.orghub.core.spi;

import java.util.List;
import java.util.Objects;

/**
 * What one waiting file of a {@link FileSource} delivers, read and mapped but not yet
 * planned: the hub runs its business rules on {@link #objects()} and {@link #base()} (its
 * {@code rules} step) and hands the result back to
 * {@link FileSource#plan(java.nio.file.Path, FileDelivery)}.
 *
 * @param file the file's name, for messages
 * @param objects the objects the file delivers (empty when it could not be read)
 * @param base what the source diffs the file against (the previous file applied), read
 * the same way, so that the rules treat both alike; empty when there is none
 * @param detail what the source keeps from reading for its plan (its rejected records,
 * the file's date, why the file is refused); the hub does not look at it
 */
public record FileDelivery(String file, List<DesiredObject<?>> objects, List<DesiredObject<?>> base, Object detail) {

	public FileDelivery {
		Objects.requireNonNull(file, "file");
		objects = List.copyOf(objects);
		base = List.copyOf(base);
	}

	/** The same delivery with the objects and base the rules gave. */
	public FileDelivery with(List<DesiredObject<?>> ruledObjects, List<DesiredObject<?>> ruledBase) {
		return new FileDelivery(this.file, ruledObjects, ruledBase, this.detail);
	}

}
