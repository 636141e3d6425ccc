package it.sportello.distribution;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({DistributionProperties.class, StaffingProperties.class})
class DistributionConfiguration {}
