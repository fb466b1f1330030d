/**
 * The Markdown preview plugin's front door, for the extension (which loads it
 * on the preview's first render): the markdown-it plugin and the workspace's
 * documents it draws `from workspace`.
 */
export { dddMarkdownIt, type DddMarkdownOptions } from './plugin';
export { MAX_WORKSPACE_FILES, WorkspaceDocuments } from './workspace-documents';
export { drawFence, type FenceDrawing, type WorkspaceModel, type WorkspaceModelSource } from './fence-drawing';
