package dk.orghub.adapters.sd;

import java.util.List;

/**
 * One element of an SD answer: its name, the line it starts on, its own text (trimmed)
 * and its child elements in order.
 */
record SdNode(String name, int line, String text, List<SdNode> children) {

	SdNode {
		children = List.copyOf(children);
	}

	/** The first child with the name, or {@code null}. */
	SdNode child(String childName) {
		for (SdNode child : this.children) {
			if (child.name().equals(childName)) {
				return child;
			}
		}
		return null;
	}

	/** Every child with the name. */
	List<SdNode> all(String childName) {
		return this.children.stream().filter(c -> c.name().equals(childName)).toList();
	}

	/** The text of the first child with the name; {@code null} when absent or empty. */
	String text(String childName) {
		SdNode child = child(childName);
		return (child == null || child.text().isEmpty()) ? null : child.text();
	}

}
