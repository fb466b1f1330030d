/**
 * What a ```ddd fence in a Markdown file asks for, read from its info string:
 * `ddd [view [name]] [from workspace]`. The view names are the core's
 * (`diagrams/view-names.ts`), as `ddd export --view` takes them; without a view
 * the fence draws its context map.
 *
 *   ```ddd                                   the model in the fence, its context map
 *   ```ddd saga OrderSaga                    the fence's saga OrderSaga
 *   ```ddd storming Checkout                 the fence's board Checkout
 *   ```ddd context-map ShopMap from workspace   the map ShopMap of the workspace's .ddd files
 */
import { isViewName, viewNames, type ViewName } from '../language/diagrams/view-names';
import { unknownViewProblem } from '../language/diagrams/views';

/** The language word of the fences the plugin draws (any case, as the Markdown grammar injection takes it). */
export const fenceLanguage = 'ddd';

export interface FenceRequest {
  view: ViewName;
  name?: string;
  /** Draw the workspace's model (its .ddd files) instead of the text in the fence. */
  fromWorkspace: boolean;
}

/** The view a fence draws when it names none. */
export const defaultFenceView: ViewName = 'context-map';

/** The longest info string read: past it, the fence is refused with a message (an info string is one short line). */
const MAX_INFO_LENGTH = 500;

function words(info: string): string[] {
  return info.trim().split(/\s+/).filter((word) => word.length > 0);
}

/** Whether a fence's info string makes it a ddd fence (its first word is `ddd`, in any case). */
export function isDddFence(info: string): boolean {
  return words(info.slice(0, MAX_INFO_LENGTH))[0]?.toLowerCase() === fenceLanguage;
}

const usage = `a \`\`\`ddd block takes a view (${viewNames.join(', ')}), a name and \`from workspace\`, e.g. \`\`\`ddd saga OrderSaga from workspace`;

/** What the info string of a ddd fence asks for, or the problem in words. */
export function parseFenceInfo(info: string): FenceRequest | { problem: string } {
  if (info.length > MAX_INFO_LENGTH) return { problem: `The line that opens this block is ${info.length} characters long: ${usage}` };
  const parts = words(info).slice(1);
  let fromWorkspace = false;
  const from = parts.findIndex((word) => word.toLowerCase() === 'from');
  if (from >= 0) {
    if (parts[from + 1]?.toLowerCase() !== 'workspace' || parts.length > from + 2) {
      return { problem: `\`${parts.slice(from).join(' ')}\` is not understood: ${usage}` };
    }
    fromWorkspace = true;
    parts.splice(from, 2);
  }
  if (parts.length > 2) return { problem: `\`${parts.slice(2).join(' ')}\` is more than this block can take: ${usage}` };
  const [view = defaultFenceView, name] = parts;
  if (!isViewName(view)) return { problem: unknownViewProblem(view) };
  return { view, ...(name !== undefined ? { name } : {}), fromWorkspace };
}
