package dev.baton.security;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;

/**
 * The engine's script engine resolver with every language refused: the runtime backstop for
 * scripts that {@link ScriptRefusal} cannot see, such as DMN expressions in JavaScript or Groovy.
 */
class NoScriptEngines implements ScriptEngineResolver {

    private final ScriptEngineManager manager = new ScriptEngineManager(NoScriptEngines.class.getClassLoader());

    @Override
    public void addScriptEngineFactory(ScriptEngineFactory factory) {
        // nothing is registered: Baton runs no scripts
    }

    @Override
    public ScriptEngineManager getScriptEngineManager() {
        return manager;
    }

    @Override
    public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
        throw new ProcessEngineException("Scripting is disabled in Baton (language '" + language
                + "'): use FEEL in decisions and expressions or Spring beans in processes");
    }
}
