package app.previsit.server;

import app.previsit.alerts.AlertFeed;
import app.previsit.config.Config;
import app.previsit.conversation.ConversationService;
import app.previsit.nlu.Understanding;
import app.previsit.security.Secret;
import app.previsit.store.Stores;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * What one running service is made of, built once at start-up and handed to every adapter
 * (staff web, patient web chat, Telegram, bench). Nothing here is global, and nothing that must hold
 * for the whole process (the secret, the limits' counters) is made per verticle.
 */
public record Services(
    Config config,
    Vertx vertx,
    Stores stores,
    Understanding nlu,
    ConversationService conversations,
    Clock clock,
    PrometheusMeterRegistry metrics,
    PatientChannels channels,
    Secret secret,
    AlertFeed alerts,
    app.previsit.printout.ReadingQueue printouts) {}
