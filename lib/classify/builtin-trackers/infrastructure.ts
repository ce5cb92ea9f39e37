import type { BuiltinOrganization } from '../builtin-schema';

/**
 * CDNs, hosting platforms and site builders, payments, sign-in and bot/fraud protection. They see
 * every visitor's IP address and user agent even when they track nothing else.
 * Facts written by the project (MIT), not derived from any tracker list.
 */
export const INFRASTRUCTURE_ORGANIZATIONS: readonly BuiltinOrganization[] = [
  {
    id: 'cloudflare',
    name: 'Cloudflare',
    aliases: ['Cloudflare, Inc.', 'cdnjs', 'Cloudflare Web Analytics', 'Cloudflare Turnstile'],
    category: 'cdn',
    domains: ['cloudflare.com', 'cloudflare.net', 'cdnjs.com', 'pages.dev', 'workers.dev'],
    services: [
      { name: 'Cloudflare Web Analytics', category: 'analytics', domains: ['cloudflareinsights.com'] },
      { name: 'Cloudflare Turnstile', category: 'essential', domains: ['challenges.cloudflare.com'] },
    ],
  },
  {
    id: 'akamai',
    name: 'Akamai',
    aliases: ['Akamai Technologies', 'mPulse', 'Akamai mPulse'],
    category: 'cdn',
    domains: [
      'akamai.com', 'akamai.net', 'akamaihd.net', 'akamaized.net', 'akamaiedge.net', 'edgesuite.net',
      'edgekey.net', 'akamaitechnologies.com',
    ],
    services: [{ name: 'Akamai mPulse', category: 'analytics', domains: ['go-mpulse.net'] }],
  },
  {
    id: 'fastly',
    name: 'Fastly',
    category: 'cdn',
    domains: ['fastly.com', 'fastly.net', 'fastlylb.net'],
    services: [{ name: 'Fastly Insights', category: 'analytics', domains: ['fastly-insights.com'] }],
  },
  { id: 'jsdelivr', name: 'jsDelivr', category: 'cdn', domains: ['jsdelivr.net'] },
  { id: 'unpkg', name: 'unpkg', category: 'cdn', domains: ['unpkg.com'] },
  { id: 'bootstrapcdn', name: 'BootstrapCDN', category: 'cdn', domains: ['bootstrapcdn.com'] },
  { id: 'jquery', name: 'jQuery CDN', aliases: ['jQuery', 'OpenJS Foundation'], category: 'cdn', domains: ['jquery.com'] },
  { id: 'bunny', name: 'Bunny.net', aliases: ['BunnyCDN', 'BunnyWay'], category: 'cdn', domains: ['bunny.net', 'bunnycdn.com', 'b-cdn.net'] },
  { id: 'keycdn', name: 'KeyCDN', aliases: ['proinity'], category: 'cdn', domains: ['keycdn.com', 'kxcdn.com'] },
  { id: 'cloudinary', name: 'Cloudinary', category: 'cdn', domains: ['cloudinary.com'] },
  { id: 'imgix', name: 'imgix', category: 'cdn', domains: ['imgix.net'] },
  { id: 'font-awesome', name: 'Font Awesome', aliases: ['Fonticons'], category: 'cdn', domains: ['fontawesome.com'] },
  {
    id: 'github',
    name: 'GitHub',
    parent: 'Microsoft',
    aliases: ['GitHub Pages'],
    category: 'hosting',
    domains: ['github.com', 'github.io', 'githubusercontent.com', 'githubassets.com'],
  },
  { id: 'netlify', name: 'Netlify', category: 'hosting', domains: ['netlify.com', 'netlify.app'] },
  {
    id: 'vercel',
    name: 'Vercel',
    category: 'hosting',
    domains: ['vercel.com', 'vercel.app'],
    services: [{ name: 'Vercel Analytics', category: 'analytics', domains: ['vercel-insights.com'] }],
  },
  { id: 'heroku', name: 'Heroku', parent: 'Salesforce', category: 'hosting', domains: ['heroku.com', 'herokuapp.com'] },
  { id: 'digitalocean', name: 'DigitalOcean', category: 'hosting', domains: ['digitalocean.com', 'digitaloceanspaces.com'] },
  { id: 'shopify', name: 'Shopify', aliases: ['Shop Pay'], category: 'hosting', domains: ['shopify.com', 'myshopify.com', 'shop.app'] },
  { id: 'squarespace', name: 'Squarespace', category: 'hosting', domains: ['squarespace.com', 'squarespace-cdn.com'] },
  { id: 'wix', name: 'Wix', aliases: ['Wix.com'], category: 'hosting', domains: ['wix.com', 'wixstatic.com', 'wixsite.com', 'parastorage.com'] },
  { id: 'webflow', name: 'Webflow', category: 'hosting', domains: ['webflow.com', 'webflow.io', 'website-files.com'] },
  { id: 'imperva', name: 'Imperva', aliases: ['Incapsula'], category: 'hosting', domains: ['imperva.com', 'incapsula.com'] },
  { id: 'stripe', name: 'Stripe', category: 'essential', domains: ['stripe.com', 'stripe.network'] },
  {
    id: 'paypal',
    name: 'PayPal',
    aliases: ['Braintree', 'Venmo'],
    category: 'essential',
    domains: ['paypal.com', 'paypalobjects.com', 'braintreegateway.com', 'braintree-api.com'],
  },
  { id: 'adyen', name: 'Adyen', category: 'essential', domains: ['adyen.com'] },
  { id: 'square', name: 'Square', parent: 'Block', category: 'essential', domains: ['squareup.com'] },
  { id: 'klarna', name: 'Klarna', category: 'essential', domains: ['klarna.com'] },
  { id: 'okta', name: 'Okta', aliases: ['Auth0'], category: 'essential', domains: ['okta.com', 'oktacdn.com', 'auth0.com'] },
  { id: 'hcaptcha', name: 'hCaptcha', parent: 'Intuition Machines', category: 'essential', domains: ['hcaptcha.com'] },
  { id: 'arkose-labs', name: 'Arkose Labs', aliases: ['FunCaptcha'], category: 'essential', domains: ['arkoselabs.com', 'funcaptcha.com'] },
  {
    id: 'human-security',
    name: 'HUMAN Security',
    aliases: ['PerimeterX', 'White Ops'],
    category: 'essential',
    domains: ['humansecurity.com', 'perimeterx.net', 'px-cdn.net', 'px-cloud.net'],
  },
  { id: 'datadome', name: 'DataDome', category: 'essential', domains: ['datadome.co'] },
  // Device fingerprinting for fraud scoring, loaded on many checkout and login pages.
  { id: 'threatmetrix', name: 'ThreatMetrix', parent: 'LexisNexis Risk Solutions', category: 'essential', domains: ['online-metrix.net'] },
  { id: 'forter', name: 'Forter', category: 'essential', domains: ['forter.com'] },
  { id: 'riskified', name: 'Riskified', category: 'essential', domains: ['riskified.com'] },
  { id: 'mapbox', name: 'Mapbox', category: 'misc', domains: ['mapbox.com'] },
];
