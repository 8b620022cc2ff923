export { default as FormDialog } from './form-dialog.svelte';
