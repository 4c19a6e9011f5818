/**
 * The CBS OData v3 API's base URL; CBS_ODATA_URL (CLI) or the pane's setting overrides it. A
 * module of its own so that the pane, which shows it at start, does not carry the CBS client
 * (and its phrasebook) before a CBS pull is asked for.
 */
export const CBS_DEFAULT_URL = "https://opendata.cbs.nl/ODataApi/odata";
