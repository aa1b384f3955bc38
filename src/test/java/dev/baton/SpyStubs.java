package dev.baton;

import static org.mockito.Mockito.doAnswer;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;
import org.mockito.stubbing.Answer;

/** Routes every public method of a Mockito spy through one answer (fault injection, switches). */
public final class SpyStubs {

    private SpyStubs() {
    }

    public static void answerAll(Object spy, Answer<?> answer) {
        Class<?> type = Mockito.mockingDetails(spy).getMockCreationSettings().getTypeToMock();
        for (Method method : type.getDeclaredMethods()) {
            if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            // Mockito wants the stubbing started before the matchers are made
            Object stub = doAnswer(answer).when(spy);
            Object[] matchers = new Object[method.getParameterCount()];
            Class<?>[] types = method.getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                matchers[i] = matcher(types[i]);
            }
            try {
                method.invoke(stub, matchers);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot stub " + method, e);
            }
        }
    }

    private static Object matcher(Class<?> type) {
        if (type == int.class) {
            return ArgumentMatchers.anyInt();
        } else if (type == long.class) {
            return ArgumentMatchers.anyLong();
        } else if (type == double.class) {
            return ArgumentMatchers.anyDouble();
        } else if (type == boolean.class) {
            return ArgumentMatchers.anyBoolean();
        }
        return ArgumentMatchers.any();
    }
}
