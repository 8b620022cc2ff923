export { default as FormActions } from './form-actions.svelte';
