import type { BuiltinOrganization } from '../builtin-schema';

/**
 * Large companies that run many products, each product with its own category. Written by the
 * project from public knowledge (who operates which domain), MIT-licensed with the project; not
 * derived from any tracker list.
 */
export const PLATFORM_ORGANIZATIONS: readonly BuiltinOrganization[] = [
  {
    id: 'google',
    name: 'Google',
    aliases: [
      'Google LLC', 'Alphabet', 'DoubleClick', 'Google Ads', 'AdWords', 'AdSense', 'Google AdSense',
      'AdMob', 'Google Marketing Platform', 'Campaign Manager 360', 'Display & Video 360',
      'Google Ad Manager', 'Google Firebase', 'Firebase', 'Blogger',
    ],
    category: 'advertising',
    domains: [
      'google.com', 'doubleclick.net', 'googlesyndication.com', 'googleadservices.com',
      'googletagservices.com', '2mdn.net', 'admob.com', 'adtrafficquality.google',
      'google.at', 'google.be', 'google.ca', 'google.ch', 'google.co.in', 'google.co.jp',
      'google.co.uk', 'google.com.au', 'google.com.br', 'google.com.mx', 'google.de', 'google.es',
      'google.fr', 'google.ie', 'google.it', 'google.nl', 'google.pl', 'google.se',
    ],
    services: [
      { name: 'Google Analytics', category: 'analytics', domains: ['google-analytics.com', 'analytics.google.com'] },
      { name: 'Google Optimize', category: 'analytics', domains: ['googleoptimize.com'] },
      { name: 'Google Tag Manager', category: 'tag-manager', domains: ['googletagmanager.com', 'tagmanager.google.com'] },
      {
        name: 'Google Hosted Libraries and Fonts',
        category: 'cdn',
        domains: ['gstatic.com', 'googleapis.com', 'googleusercontent.com', 'ggpht.com'],
      },
      {
        name: 'YouTube',
        category: 'audio-video',
        domains: ['youtube.com', 'youtube-nocookie.com', 'ytimg.com', 'googlevideo.com', 'youtu.be'],
      },
      { name: 'reCAPTCHA', category: 'essential', domains: ['recaptcha.net'] },
      {
        name: 'Google Cloud, Firebase and Blogger',
        category: 'hosting',
        domains: ['appspot.com', 'run.app', 'firebaseapp.com', 'web.app', 'firebaseio.com', 'blogspot.com'],
      },
    ],
  },
  {
    id: 'meta',
    name: 'Meta',
    aliases: [
      'Meta Platforms', 'Facebook', 'Facebook Inc.', 'Meta Pixel', 'Facebook Pixel', 'Instagram',
      'WhatsApp', 'Facebook Messenger', 'Oculus',
    ],
    category: 'social-media',
    domains: [
      'facebook.com', 'fbcdn.net', 'fb.com', 'fb.me', 'fbsbx.com', 'meta.com', 'messenger.com',
      'instagram.com', 'cdninstagram.com', 'whatsapp.com', 'whatsapp.net', 'threads.net', 'oculus.com',
    ],
    // connect.facebook.net serves the Pixel (fbevents.js) on far more sites than the social plugins.
    services: [{ name: 'Meta Pixel and SDK', category: 'advertising', domains: ['facebook.net'] }],
  },
  {
    id: 'microsoft',
    name: 'Microsoft',
    aliases: [
      'Microsoft Corporation', 'Bing', 'Bing Ads', 'Microsoft Advertising', 'Microsoft Clarity', 'MSN', 'Azure', 'Microsoft Azure', 'Application Insights', 'Azure Monitor',
    ],
    category: 'misc',
    domains: ['microsoft.com', 'msn.com', 'live.com', 'office.com', 'microsoftonline.com', 'msauth.net'],
    services: [
      { name: 'Microsoft Advertising (Bing Ads)', category: 'advertising', domains: ['bing.com', 'bing.net'] },
      { name: 'Microsoft Clarity', category: 'analytics', domains: ['clarity.ms'] },
      {
        name: 'Application Insights',
        category: 'analytics',
        domains: ['applicationinsights.azure.com', 'js.monitor.azure.com', 'dc.services.visualstudio.com'],
      },
      {
        name: 'Microsoft Azure',
        category: 'hosting',
        domains: [
          'azure.com', 'azurewebsites.net', 'azureedge.net', 'azurefd.net', 'cloudapp.net',
          'windows.net', 'msecnd.net', 'trafficmanager.net',
        ],
      },
    ],
  },
  {
    id: 'amazon',
    name: 'Amazon',
    aliases: [
      'Amazon.com', 'Amazon Advertising', 'Amazon Ads', 'Amazon Associates', 'Amazon Publisher Services',
      'Amazon Web Services', 'AWS', 'CloudFront', 'Amazon CloudFront', 'Amazon Pay',
    ],
    category: 'misc',
    domains: [
      'amazon.com', 'amazon.ca', 'amazon.co.jp', 'amazon.co.uk', 'amazon.de', 'amazon.es',
      'amazon.fr', 'amazon.it',
    ],
    services: [
      { name: 'Amazon Advertising', category: 'advertising', domains: ['amazon-adsystem.com', 'assoc-amazon.com'] },
      {
        name: 'Amazon Web Services',
        category: 'hosting',
        domains: ['amazonaws.com', 'cloudfront.net', 'awsstatic.com', 'elasticbeanstalk.com'],
      },
      {
        name: 'Amazon media CDN',
        category: 'cdn',
        domains: ['media-amazon.com', 'ssl-images-amazon.com', 'images-amazon.com'],
      },
      { name: 'Amazon Pay', category: 'essential', domains: ['payments-amazon.com'] },
    ],
  },
  {
    id: 'adobe',
    name: 'Adobe',
    aliases: [
      'Adobe Inc.', 'Adobe Analytics', 'Omniture', 'SiteCatalyst', 'Adobe Experience Cloud',
      'Adobe Experience Platform', 'Adobe Target', 'Adobe Audience Manager', 'Demdex',
      'Adobe Advertising Cloud', 'TubeMogul', 'Adobe Launch', 'Adobe Dynamic Tag Management',
      'Adobe Fonts', 'Typekit', 'Scene7', 'Adobe Dynamic Media',
    ],
    category: 'analytics',
    domains: ['omtrdc.net', '2o7.net', 'adobedc.net', 'adobe.com'],
    services: [
      {
        name: 'Adobe Audience Manager and Advertising',
        category: 'advertising',
        domains: ['demdex.net', 'everesttech.net', 'tubemogul.com'],
      },
      { name: 'Adobe Experience Platform Launch', category: 'tag-manager', domains: ['adobedtm.com'] },
      { name: 'Adobe Fonts and Dynamic Media', category: 'cdn', domains: ['typekit.net', 'typekit.com', 'scene7.com'] },
    ],
  },
  {
    id: 'oracle',
    name: 'Oracle',
    aliases: [
      'Oracle Corporation', 'BlueKai', 'Oracle BlueKai', 'Oracle Data Cloud', 'Oracle Advertising',
      'Datalogix', 'Moat Analytics', 'Eloqua', 'Oracle Eloqua', 'Maxymiser', 'Oracle Maxymiser', 'Responsys',
    ],
    category: 'advertising',
    domains: ['bluekai.com', 'bkrtx.com', 'nexac.com', 'oracle.com'],
    services: [
      { name: 'Oracle Eloqua', category: 'marketing', domains: ['eloqua.com', 'en25.com'] },
      { name: 'Oracle Responsys', category: 'marketing', domains: ['responsys.net'] },
      { name: 'Moat Analytics', category: 'analytics', domains: ['moatads.com'] },
      { name: 'Oracle Maxymiser', category: 'analytics', domains: ['maxymiser.net'] },
    ],
  },
  {
    id: 'salesforce',
    name: 'Salesforce',
    aliases: [
      'Salesforce.com', 'Pardot', 'Salesforce Pardot', 'Marketing Cloud Account Engagement',
      'Salesforce Marketing Cloud', 'ExactTarget', 'Evergage', 'Interaction Studio',
      'Marketing Cloud Personalization', 'Krux', 'Salesforce Audience Studio',
    ],
    category: 'customer-interaction',
    domains: ['salesforce.com', 'force.com', 'sfdcstatic.com', 'salesforceliveagent.com'],
    services: [
      { name: 'Marketing Cloud Account Engagement (Pardot)', category: 'marketing', domains: ['pardot.com'] },
      { name: 'Salesforce Marketing Cloud', category: 'marketing', domains: ['exacttarget.com'] },
      { name: 'Salesforce Audience Studio (Krux)', category: 'advertising', domains: ['krxd.net'] },
      { name: 'Marketing Cloud Personalization (Evergage)', category: 'customer-interaction', domains: ['evergage.com'] },
    ],
  },
  {
    id: 'yahoo',
    name: 'Yahoo',
    aliases: [
      'Yahoo Inc.', 'Oath Inc.', 'Verizon Media', 'Yahoo Advertising', 'Yahoo DSP', 'Yahoo Gemini',
      'BrightRoll', 'Advertising.com', 'Flurry',
    ],
    category: 'advertising',
    domains: ['yahoo.com', 'advertising.com', 'btrll.com', 'adtechus.com', 'oath.com'],
    services: [
      { name: 'Yahoo CDN', category: 'cdn', domains: ['yimg.com'] },
      { name: 'Flurry Analytics', category: 'analytics', domains: ['flurry.com'] },
    ],
  },
  {
    id: 'yandex',
    name: 'Yandex',
    aliases: ['Yandex Metrica', 'Yandex.Metrica', 'Yandex Metrika', 'Yandex.Metrika', 'Yandex Direct', 'ADFOX'],
    category: 'advertising',
    domains: [
      'yandex.ru', 'yandex.com', 'yandex.net', 'yandex.by', 'yandex.kz', 'yandex.ua', 'yandex.com.tr',
      'adfox.ru',
    ],
    services: [
      {
        name: 'Yandex Metrica',
        category: 'analytics',
        domains: ['mc.yandex.ru', 'mc.yandex.com', 'mc.yandex.by', 'mc.yandex.kz', 'mc.yandex.ua', 'webvisor.org'],
      },
      { name: 'Yandex static content', category: 'cdn', domains: ['yastatic.net'] },
    ],
  },
  {
    id: 'baidu',
    name: 'Baidu',
    aliases: ['Baidu Tongji', 'Baidu Analytics'],
    category: 'advertising',
    domains: ['baidu.com', 'bdstatic.com', 'bdimg.com'],
    services: [{ name: 'Baidu Tongji', category: 'analytics', domains: ['hm.baidu.com'] }],
  },
  {
    id: 'apple',
    name: 'Apple',
    aliases: ['Apple Inc.', 'Apple Pay', 'iCloud'],
    category: 'misc',
    domains: ['apple.com', 'icloud.com', 'mzstatic.com', 'cdn-apple.com'],
  },
  {
    id: 'automattic',
    name: 'Automattic',
    aliases: ['WordPress.com', 'Jetpack', 'WordPress.com Stats', 'Jetpack Stats', 'WP.com'],
    category: 'hosting',
    domains: ['wordpress.com', 'wp.com'],
    services: [
      { name: 'Jetpack Stats', category: 'analytics', domains: ['stats.wp.com', 'pixel.wp.com'] },
      { name: 'Jetpack CDN', category: 'cdn', domains: ['i0.wp.com', 'i1.wp.com', 'i2.wp.com', 'c0.wp.com'] },
    ],
  },
];
