// Baton's Tasklist configuration (replaces the webapp's default config.js): Baton's script (filter
// counts, errors that leave with their task), and Tasklist's keyboard shortcuts as documented by Camunda.
export default {
  customScripts: ['baton/tasklist'],
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
