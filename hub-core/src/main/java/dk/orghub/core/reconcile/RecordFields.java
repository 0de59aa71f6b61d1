package dk.orghub.core.reconcile;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;

/** The fields of a model record by name, for merging values field by field. */
final class RecordFields {

	private static final Map<ObjectType, RecordFields> BY_TYPE = new EnumMap<>(ObjectType.class);

	static {
		for (ObjectType type : ObjectType.values()) {
			BY_TYPE.put(type, new RecordFields(type.javaType()));
		}
	}

	private final RecordComponent[] components;

	private final Constructor<?> constructor;

	private RecordFields(Class<?> type) {
		this.components = type.getRecordComponents();
		try {
			this.constructor = type.getDeclaredConstructor(
					Arrays.stream(this.components).map(RecordComponent::getType).toArray(Class<?>[]::new));
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException("no canonical constructor on " + type, ex);
		}
	}

	static RecordFields of(ObjectType type) {
		return BY_TYPE.get(type);
	}

	boolean has(String field) {
		return names().contains(field);
	}

	List<String> names() {
		return Arrays.stream(this.components).map(RecordComponent::getName).toList();
	}

	/**
	 * A value with the fields for which {@code fromDesired} holds taken from
	 * {@code desired}, the rest from {@code stored}.
	 */
	@SuppressWarnings("unchecked")
	<T extends OrgObject> T merge(T stored, T desired, Predicate<String> fromDesired) {
		Object[] values = new Object[this.components.length];
		try {
			for (int i = 0; i < this.components.length; i++) {
				RecordComponent component = this.components[i];
				T source = fromDesired.test(component.getName()) ? desired : stored;
				values[i] = component.getAccessor().invoke(source);
			}
			return (T) this.constructor.newInstance(values);
		}
		catch (IllegalAccessException | InstantiationException | InvocationTargetException ex) {
			throw new IllegalStateException("cannot merge " + desired.type().collection(), ex);
		}
	}

}
