/**
 * Whether an evidence link is an absolute http or https URL. Other schemes
 * (`javascript:`, `data:`, `file:`, `ftp:`) would run or reach something
 * else when a reviewer opens the link, so the API refuses them.
 *
 * @public
 */
export function isHttpUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.host;
}
