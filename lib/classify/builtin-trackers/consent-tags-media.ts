import type { BuiltinOrganization } from '../builtin-schema';

/**
 * Consent management platforms, tag managers and customer-data pipelines, audio/video players.
 * Facts written by the project (MIT), not derived from any tracker list.
 */
export const CONSENT_TAGS_MEDIA_ORGANIZATIONS: readonly BuiltinOrganization[] = [
  {
    id: 'onetrust',
    name: 'OneTrust',
    aliases: ['CookiePro', 'Cookie Law'],
    category: 'consent',
    domains: ['onetrust.com', 'cookielaw.org', 'cookiepro.com'],
  },
  { id: 'cookiebot', name: 'Cookiebot', parent: 'Usercentrics', aliases: ['Cybot'], category: 'consent', domains: ['cookiebot.com', 'cookiebot.eu'] },
  { id: 'usercentrics', name: 'Usercentrics', category: 'consent', domains: ['usercentrics.eu', 'usercentrics.com'] },
  { id: 'trustarc', name: 'TrustArc', aliases: ['TRUSTe', 'Truste', 'TRUSTe Inc.'], category: 'consent', domains: ['trustarc.com', 'truste.com'] },
  { id: 'didomi', name: 'Didomi', category: 'consent', domains: ['didomi.io', 'privacy-center.org'] },
  { id: 'osano', name: 'Osano', category: 'consent', domains: ['osano.com'] },
  { id: 'termly', name: 'Termly', category: 'consent', domains: ['termly.io'] },
  { id: 'iubenda', name: 'iubenda', category: 'consent', domains: ['iubenda.com'] },
  { id: 'cookieyes', name: 'CookieYes', category: 'consent', domains: ['cookieyes.com'] },
  { id: 'cookie-script', name: 'Cookie Script', aliases: ['Cookie-Script'], category: 'consent', domains: ['cookie-script.com'] },
  { id: 'consentmanager', name: 'consentmanager', aliases: ['consentmanager.net'], category: 'consent', domains: ['consentmanager.net'] },
  { id: 'cookiefirst', name: 'CookieFirst', category: 'consent', domains: ['cookiefirst.com'] },
  { id: 'civic', name: 'Civic Computing', aliases: ['Civic Cookie Control', 'Civic UK'], category: 'consent', domains: ['civiccomputing.com'] },
  { id: 'evidon', name: 'Evidon', parent: 'Crownpeak', aliases: ['Ghostery Enterprise', 'Crownpeak'], category: 'consent', domains: ['evidon.com', 'betrad.com'] },
  { id: 'ketch', name: 'Ketch', category: 'consent', domains: ['ketch.com'] },
  { id: 'sourcepoint', name: 'Sourcepoint', category: 'consent', domains: ['sourcepoint.com'] },
  { id: 'tealium', name: 'Tealium', aliases: ['Tealium iQ'], category: 'tag-manager', domains: ['tealium.com', 'tealiumiq.com', 'tiqcdn.com'] },
  { id: 'ensighten', name: 'Ensighten', category: 'tag-manager', domains: ['ensighten.com'] },
  {
    id: 'commanders-act',
    name: "Commanders Act",
    aliases: ['TagCommander', 'Tag Commander'],
    category: 'tag-manager',
    domains: ['commandersact.com', 'tagcommander.com', 'commander1.com'],
  },
  { id: 'segment', name: 'Segment', parent: 'Twilio', aliases: ['Twilio Segment', 'Segment.io'], category: 'tag-manager', domains: ['segment.com', 'segment.io'] },
  { id: 'mparticle', name: 'mParticle', parent: 'Rokt', category: 'tag-manager', domains: ['mparticle.com'] },
  { id: 'vimeo', name: 'Vimeo', category: 'audio-video', domains: ['vimeo.com', 'vimeocdn.com'] },
  { id: 'wistia', name: 'Wistia', category: 'audio-video', domains: ['wistia.com', 'wistia.net'] },
  { id: 'jw-player', name: 'JW Player', aliases: ['JWP', 'JW Player Analytics'], category: 'audio-video', domains: ['jwplayer.com', 'jwpcdn.com', 'jwplatform.com', 'jwpltx.com'] },
  { id: 'brightcove', name: 'Brightcove', category: 'audio-video', domains: ['brightcove.com', 'brightcove.net', 'boltdns.net'] },
  { id: 'kaltura', name: 'Kaltura', category: 'audio-video', domains: ['kaltura.com'] },
  { id: 'vidyard', name: 'Vidyard', category: 'audio-video', domains: ['vidyard.com'] },
  { id: 'dailymotion', name: 'Dailymotion', category: 'audio-video', domains: ['dailymotion.com', 'dmcdn.net'] },
  { id: 'twitch', name: 'Twitch', parent: 'Amazon', category: 'audio-video', domains: ['twitch.tv', 'jtvnw.net', 'ttvnw.net'] },
  { id: 'soundcloud', name: 'SoundCloud', category: 'audio-video', domains: ['soundcloud.com', 'sndcdn.com'] },
  { id: 'spotify', name: 'Spotify', category: 'audio-video', domains: ['spotify.com', 'scdn.co'] },
];
